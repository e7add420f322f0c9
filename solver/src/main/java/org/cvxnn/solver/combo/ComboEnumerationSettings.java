package org.cvxnn.solver.combo;

import java.util.Objects;
import org.cvxnn.solver.arrangement.EnumerationSettings;

/**
 * Settings of {@link ComboEnumerator}.
 *
 * @param maxCombos  largest number of combos the enumeration may produce: it is refused up front if
 *                   the estimate (an upper bound, see {@link ComboEnumerator}) exceeds this
 *                   (default 1 000 000)
 * @param tolerance  margin, on unit-length rows and directions with {@code ‖h‖∞ ≤ 1}, that an LP
 *                   must exceed for a second-layer cell to count as full-dimensional; cells thinner
 *                   than about this may be missed (default 1e-9)
 * @param firstLayer settings of the first-layer enumeration (default {@link EnumerationSettings#defaults()})
 */
public record ComboEnumerationSettings(long maxCombos, double tolerance, EnumerationSettings firstLayer) {

    public ComboEnumerationSettings {
        if (maxCombos < 1) throw new IllegalArgumentException("maxCombos must be >= 1, got " + maxCombos);
        if (!(tolerance > 0 && tolerance < 1e-2))
            throw new IllegalArgumentException("tolerance must be in (0, 0.01), got " + tolerance);
        Objects.requireNonNull(firstLayer, "firstLayer");
    }

    /** The defaults described above. */
    public static ComboEnumerationSettings defaults() {
        return new ComboEnumerationSettings(1_000_000, 1e-9, EnumerationSettings.defaults());
    }

    public ComboEnumerationSettings withMaxCombos(long limit) {
        return new ComboEnumerationSettings(limit, tolerance, firstLayer);
    }
}
