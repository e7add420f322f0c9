package org.cvxnn.cli;

import org.cvxnn.cli.commands.CertifyCommand;
import org.cvxnn.cli.commands.CompareCommand;
import org.cvxnn.cli.commands.DemoCommand;
import org.cvxnn.cli.commands.DoctorCommand;
import org.cvxnn.cli.commands.PredictCommand;
import org.cvxnn.cli.commands.TrainCommand;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The commands {@code ./cvxnn} offers, in the order {@code --help} lists them.
 *
 * @param all the commands; names are distinct lower-case words
 */
public record Commands(List<Command> all) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Commands {
        all = List.copyOf(all);
        Set<String> seen = new HashSet<>();
        for (Command c : all) {
            if (!NAME.matcher(c.name()).matches())
                throw new IllegalArgumentException("command name must be a lower-case word, got '" + c.name() + "'");
            if (!seen.add(c.name())) throw new IllegalArgumentException("command " + c.name() + " registered twice");
        }
    }

    /** The commands of {@code ./cvxnn}: add a new command class by listing an instance here. */
    public static Commands standard() {
        return new Commands(List.of(
                new DemoCommand(),
                new TrainCommand(),
                new PredictCommand(),
                new CertifyCommand(),
                new CompareCommand(),
                new DoctorCommand()));
    }

    public Optional<Command> find(String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all.stream().map(Command::name).toList();
    }
}
