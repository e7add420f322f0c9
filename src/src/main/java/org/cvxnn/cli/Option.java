package org.cvxnn.cli;

import java.util.regex.Pattern;

/**
 * One {@code --name} option of a command: either a switch ({@code valueName == null}) or an option
 * that takes a value, optionally required or with a default. Build with {@link #value} or
 * {@link #flag}, then {@link #asRequired()} or {@link #withDefault(String)}.
 *
 * @param name         the name without the leading {@code --}, e.g. {@code beta}
 * @param valueName    how help shows the value, e.g. {@code FILE}; {@code null} for a switch
 * @param help         one line for {@code --help}
 * @param required     whether the command cannot run without it
 * @param defaultValue the value used when the option is not given, or {@code null}
 */
public record Option(String name, String valueName, String help, boolean required, String defaultValue) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Option {
        if (name == null || !NAME.matcher(name).matches())
            throw new IllegalArgumentException("option name must be lower-case words joined by '-', got " + name);
        if (name.equals("help")) throw new IllegalArgumentException("--help is built in; do not declare it");
        if (help == null || help.isBlank()) throw new IllegalArgumentException("option --" + name + " needs a help text");
        if (valueName != null && valueName.isBlank()) throw new IllegalArgumentException("option --" + name + " has a blank value name");
        if (valueName == null && (required || defaultValue != null))
            throw new IllegalArgumentException("switch --" + name + " can be neither required nor have a default");
        if (required && defaultValue != null)
            throw new IllegalArgumentException("option --" + name + " is required, so it cannot have a default");
    }

    /** An option that takes a value: {@code --name VALUE} or {@code --name=VALUE}. */
    public static Option value(String name, String valueName, String help) {
        if (valueName == null) throw new IllegalArgumentException("option --" + name + " needs a value name for its help");
        return new Option(name, valueName, help, false, null);
    }

    /** A switch: present or absent, no value. */
    public static Option flag(String name, String help) {
        return new Option(name, null, help, false, null);
    }

    /** This option, required. */
    public Option asRequired() {
        return new Option(name, valueName, help, true, defaultValue);
    }

    /** This option, with {@code value} used when it is not given (checked when it is read). */
    public Option withDefault(String value) {
        return new Option(name, valueName, help, required, value);
    }

    public boolean takesValue() {
        return valueName != null;
    }

    /** {@code --name VALUE} or {@code --name}, as usage lines show it. */
    public String synopsis() {
        return takesValue() ? "--" + name + " " + valueName : "--" + name;
    }
}
