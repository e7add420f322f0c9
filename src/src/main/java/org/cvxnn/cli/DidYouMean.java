package org.cvxnn.cli;

import java.util.Collection;
import java.util.Optional;

/** Suggests the closest known name for a mistyped one (a command, an option, a CSV column). */
public final class DidYouMean {
    private DidYouMean() {}

    /**
     * The candidate closest to {@code typed}: one that starts with it (at least two characters
     * typed), or one within a small edit distance (1 for names up to 4 characters, else 2;
     * a swap of two neighbours counts as one edit). Ties go to the earlier candidate.
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = typed.length() <= 4 ? 2 : 3;
        for (String c : candidates) {
            int distance = typed.length() >= 2 && c.startsWith(typed) ? 1 : distance(typed, c);
            if (distance < bestDistance) {
                best = c;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] dist = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) dist[i][0] = i;
        for (int j = 0; j <= b.length(); j++) dist[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(dist[i - 1][j] + 1, dist[i][j - 1] + 1), dist[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    d = Math.min(d, dist[i - 2][j - 2] + 1);
                dist[i][j] = d;
            }
        }
        return dist[a.length()][b.length()];
    }
}
