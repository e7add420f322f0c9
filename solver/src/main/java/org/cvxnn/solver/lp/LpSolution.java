package org.cvxnn.solver.lp;

/**
 * Outcome of a simplex solve of {@link StandardFormLp}.
 *
 * @param status     how the solve ended; the values below are the last iterate otherwise
 * @param x          primal values, length {@code cols}
 * @param objective  {@code cᵀx}
 * @param duals      row multipliers {@code y} (length {@code rows}) with reduced costs
 *                   {@code c − Aᵀy} ≥ 0 at variables on their lower bound and ≤ 0 at their upper
 *                   bound when {@link LpStatus#OPTIMAL}
 * @param iterations pivots and bound flips performed over both phases
 */
public record LpSolution(LpStatus status, double[] x, double objective, double[] duals, int iterations) {}
