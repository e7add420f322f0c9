package org.cvxnn.cli.model;

import org.cvxnn.cli.CliException;
import org.cvxnn.cli.io.AtomicFiles;
import org.cvxnn.cli.io.Json;
import org.cvxnn.solver.combo.ComboMasks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combos of a parallel three-layer program as {@code train --save-combos} writes them and
 * {@code --combos-file} reads them (formulations §3.4): a JSON object
 * <pre>{@code
 * {"format": "cvxnn-combos", "version": 1, "rows": 6, "m1": 2,
 *  "combos": [{"neurons": [{"mask": "110100", "sign": 1}, {"mask": "011101", "sign": -1}], "second": "110000"}, ...]}
 * }</pre>
 * Character i of a mask is row i of the data file (in file order): {@code 1} active, {@code 0}
 * not. The masks refer to one data file; reading checks only their shape — whether they are
 * consistent with the data is checked when the program is built
 * ({@link org.cvxnn.solver.combo.ComboRealizer}).
 */
public final class ComboFile {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "cvxnn-combos";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private ComboFile() {}

    /** Writes {@code masks} as pretty-printed JSON, atomically: the file is complete or untouched. */
    public static void write(ComboMasks masks, Path file) {
        List<Object> combos = new ArrayList<>(masks.combos().size());
        for (ComboMasks.Combo combo : masks.combos()) {
            List<Object> neurons = new ArrayList<>(masks.m1());
            for (ComboMasks.Neuron neuron : combo.neurons()) {
                Map<String, Object> nr = new LinkedHashMap<>();
                nr.put("mask", bits(neuron.mask()));
                nr.put("sign", neuron.sign());
                neurons.add(nr);
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("neurons", neurons);
            c.put("second", bits(combo.second()));
            combos.add(c);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("rows", masks.n());
        json.put("m1", masks.m1());
        json.put("combos", combos);
        try {
            AtomicFiles.write(file, Json.pretty(json) + "\n");
        } catch (IOException e) {
            throw CliException.io("cannot write", file, e);
        }
    }

    /**
     * Reads a combo file.
     *
     * @throws CliException naming the file and the field for anything missing or malformed: another
     *                      format or version, masks of the wrong length or with characters other than
     *                      0 and 1, signs other than ±1, a combo with another number of neurons than m1
     */
    public static ComboMasks read(Path file) {
        Fields root = Fields.header(file, FORMAT, VERSION, "combo");
        int rows = (int) root.integer("rows", 1, Integer.MAX_VALUE);
        int m1 = (int) root.integer("m1", 1, Integer.MAX_VALUE);
        List<Fields> entries = root.objects("combos");
        if (entries.isEmpty()) throw root.error("combos", "is empty; a combo file holds at least one combo");
        List<ComboMasks.Combo> combos = new ArrayList<>(entries.size());
        for (Fields entry : entries) {
            List<Fields> neurons = entry.objects("neurons");
            if (neurons.size() != m1) throw entry.error("neurons", "has " + neurons.size() + " neurons, expected m1 = " + m1);
            List<ComboMasks.Neuron> list = new ArrayList<>(m1);
            for (Fields neuron : neurons) {
                boolean[] mask = mask(neuron, "mask", rows);
                int sign = (int) neuron.integer("sign", -1, 1);
                if (sign == 0) throw neuron.error("sign", "must be 1 or -1, got 0");
                list.add(new ComboMasks.Neuron(mask, sign));
            }
            combos.add(new ComboMasks.Combo(list, mask(entry, "second", rows)));
        }
        return new ComboMasks(rows, m1, combos);
    }

    private static String bits(boolean[] mask) {
        StringBuilder b = new StringBuilder(mask.length);
        for (boolean bit : mask) b.append(bit ? '1' : '0');
        return b.toString();
    }

    private static boolean[] mask(Fields fields, String name, int rows) {
        String text = fields.string(name);
        if (text.length() != rows) throw fields.error(name, "has " + text.length() + " characters, expected rows = " + rows);
        boolean[] mask = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            char ch = text.charAt(i);
            if (ch != '0' && ch != '1') throw fields.error(name, "has '" + ch + "' at row " + i + "; a mask holds only 0 and 1");
            mask[i] = ch == '1';
        }
        return mask;
    }
}
