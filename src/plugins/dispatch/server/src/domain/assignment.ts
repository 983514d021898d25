/**
 * Batch dispatch: give pending orders to free workers so that the total score is as high as
 * possible (Kuhn–Munkres on the score matrix; rows = orders, columns = workers, rectangular).
 * A score ≤ 0 (or not finite) marks a pair that may not be matched; such a pair is never in the
 * answer, and an order may stay unmatched when no column fits it.
 *   [[80, 60], [70, 0]] → order 0 → worker 1, order 1 → worker 0 (60 + 70 = 130 > 80)
 */
import { munkres } from 'munkres';

export interface Match {
  row: number;
  col: number;
  score: number;
}

const feasible = (score: number) => Number.isFinite(score) && score > 0;

export function optimalAssignment(scores: readonly (readonly number[])[]): Match[] {
  const rows = scores.length;
  const cols = rows ? scores[0].length : 0;
  if (!rows || !cols) return [];
  // Minimising −score maximises the total; an infeasible pair costs 0, as leaving both free does.
  const cost = scores.map((row) => row.map((s) => (feasible(s) ? -s : 0)));
  return munkres(cost)
    .map(([row, col]) => ({ row, col, score: scores[row][col] }))
    .filter((m) => feasible(m.score))
    .sort((a, b) => a.row - b.row);
}

export const totalScore = (matches: readonly Match[]): number => matches.reduce((sum, m) => sum + m.score, 0);
