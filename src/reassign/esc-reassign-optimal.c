/* esc-reassign-optimal.c: the optimal mode: moves and backfills chosen by one GLPK MILP.
 *
 * Sets. G: the groups served (need N_g). C: candidate assignments (available A_c =
 * floor(hours_12w)). Pairs p = (c, g) when c is a candidate of g (esc-reassign.h).
 * B: backfill pairs (e, c) when e may backfill what c leaves behind
 * (esc_reassign_can_backfill; spare capacity S_e) and P + s_ec > 0.
 * K = reassign_keep_threshold; K' = the largest multiple of 0.01 h below K (a greedy
 * overshoot is below K; hours are whole and needs hundredths, so it is at most K');
 * P = reassign_covered_hour_points; s_p and s_ec the plan scores of esc-reassign.h.
 *
 * Variables.
 *   c_p in [0, min(A_c, N_g)]     hours of g's need covered by c (and moved)
 *   r_c binary                    hours stay with assignment c (0: used up)
 *   o_c in [0, K']                hours c moves beyond those it covers
 *   b_ec in [0, min(S_e, A_c)]    backfilled hours that count
 *
 * Constraints, with M_c = sum_g c_cg + o_c the hours c moves.
 *   sum_c c_cg <= N_g                         no more than the need is covered
 *   M_c >= A_c (1 - r_c)                      r = 0: the whole assignment moves
 *   M_c <= A_c - min(K, A_c) r_c              r = 1: untouched, or at least K stay
 *   o_c <= K' (1 - r_c)                       only a used-up assignment overshoots
 *   sum_e b_ec <= sum_g c_cg                  backfilled hours count up to the covered
 *   sum_c b_ec <= S_e                         nobody backfills twice
 *
 * Objective (maximise), the plan value of esc-reassign.h:
 *   sum_p (P + s_p) c_p + sum_B (P + s_ec) b_ec
 *
 * The keep threshold is a semi-continuity of what stays (0, or at least K): one binary
 * per assignment says it, rather than one per pair, and the hours moved beyond the need
 * are one variable per assignment. Backfill of hours that count nothing (beyond the
 * covered ones) is left out: it adds no value. This keeps the model small and its LP
 * tight: 400 employees, 800 assignments and 60 requests solve to proven optimality in
 * about 2 s (a binary per pair made GLPK crawl beyond a few dozen employees).
 *
 * Why optimal never scores below greedy, by construction: the greedy's plan maps to a
 * point of this model with the same objective value. A greedy move takes at most what is
 * available and covers at most what remains (c_p); a whole move (branches 1 and 3) uses
 * the assignment up (r = 0), and only branch 3 moves more than it covers, by less than
 * K (o <= K'); a partial move (branch 2) leaves at least K (r = 1); an untouched
 * assignment has r = 1, M = 0; the greedy backfills from capacity it subtracts, and b
 * takes of its backfilled hours those esc_reassign_evaluate() counts (up to the covered
 * hours, best scores first, P + s > 0). That point's objective is exactly the value
 * esc_reassign_evaluate() computes for the greedy's plan, so the model's optimum is at
 * least that. The greedy's search limits (top options, at most
 * reassign_backfill_max_tries backfills per move) are not rules of a plan and are not in
 * the model. Should GLPK stop early (time limit) below the greedy's value, or fail, the
 * greedy's plan is kept and said to be, so the reported optimal value is never below the
 * greedy's either way.
 *
 * Reading the solution: c_p > 0 is a move of c_p hours; o_c joins c's move to a group it
 * completes (else its largest move); the counted backfills fill c's moves in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glpk.h>
#include <math.h>
#include <string.h>

#include "esc-reassign-private.h"

typedef struct
{
  glp_prob *lp;
  GArray   *ia;
  GArray   *ja;
  GArray   *ar;
} Model;

typedef struct
{
  guint  c;
  guint  g;
  int    cov;    /* column index */
} Pair;

typedef struct
{
  guint  e;
  guint  c;
  int    b;      /* column index: hours backfilled (that count) */
} BackfillPair;

/* Columns per candidate assignment. */
typedef struct
{
  int rest;      /* r: hours stay (0: used up) */
  int over;      /* o: hours moved beyond those covered */
} CandidateColumns;

static int
add_column (Model  *model,
            int     kind,
            double  lb,
            double  ub,
            double  objective)
{
  int j = glp_add_cols (model->lp, 1);

  if (kind == GLP_BV)
    glp_set_col_kind (model->lp, j, GLP_BV);
  else if (ub - lb < 1e-12)
    glp_set_col_bnds (model->lp, j, GLP_FX, lb, lb);
  else
    glp_set_col_bnds (model->lp, j, GLP_DB, lb, ub);
  glp_set_obj_coef (model->lp, j, objective);
  return j;
}

/* A row lo <= ... (GLP_LO), ... <= up (GLP_UP). */
static int
add_row (Model  *model,
         int     type,
         double  bound)
{
  int i = glp_add_rows (model->lp, 1);

  glp_set_row_bnds (model->lp, i, type, type == GLP_LO ? bound : 0.0,
                    type == GLP_UP ? bound : 0.0);
  return i;
}

static void
add_entry (Model  *model,
           int     row,
           int     column,
           double  value)
{
  g_array_append_val (model->ia, row);
  g_array_append_val (model->ja, column);
  g_array_append_val (model->ar, value);
}

static void
check_cancelled_cb (glp_tree *tree,
                    void     *info)
{
  GCancellable *cancellable = info;

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    glp_ios_terminate (tree);
}

static double
value_of (glp_prob *lp,
          int       column)
{
  double value = glp_mip_col_val (lp, column);
  double hundredths = round (value * 100.0) / 100.0;

  /* GLPK's values carry noise: snap to the hundredths grid the greedy works on. */
  if (fabs (value - hundredths) < 1e-6)
    value = hundredths;
  return value < ESC_REASSIGN_EPSILON ? 0.0 : esc_reassign_round_hours (value);
}

/* Ranks the candidates of group @g by their static scores: keeps the top options in the
 * result's group and moves @g's moves from @found to the result in ranking order. */
static void
rank_group (EscReassignPrep   *prep,
            EscReassignResult *result,
            guint              g,
            GPtrArray         *found)
{
  EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, g);
  EscReassignGroup *out = g_ptr_array_index (result->groups, g);
  g_autoptr(GPtrArray) ranking = g_ptr_array_new_with_free_func (esc_reassign_option_free);

  for (guint i = 0; i < group->candidates->len; i++)
    {
      guint c = g_array_index (group->candidates, guint, i);
      const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                              EscReassignCandidate, c);
      gboolean moved = g_array_index (prep->employees, EscReassignPrepEmployee,
                                      candidate->employee).moved_today;
      EscReassignScore score;

      esc_reassign_score_candidate (prep, c, g, candidate->available, moved, &score);
      g_ptr_array_add (ranking, esc_reassign_option_new_candidate (prep, c, candidate->available,
                                                                   &score));
    }
  g_ptr_array_sort (ranking, esc_reassign_compare_candidate_options);
  out->n_candidates = ranking->len;

  for (guint i = 0; i < ranking->len; i++)
    {
      EscReassignOption *option = g_ptr_array_index (ranking, i);

      option->rank = i + 1;
      for (guint m = 0; m < found->len; m++)
        {
          EscReassignMove *move = g_ptr_array_index (found, m);

          if (move != NULL && move->group == g && move->candidate == option->index)
            {
              option->chosen_hours = move->hours;
              g_ptr_array_add (result->moves, move);
              found->pdata[m] = NULL;
            }
        }
      if (i < prep->settings.top_options)
        g_ptr_array_add (out->options, g_steal_pointer (&ranking->pdata[i]));
    }
}

/* The backfill options of @move by the static ranking, chosen hours from the plan. */
static void
rank_backfill_options (EscReassignPrep *prep,
                       EscReassignMove *move,
                       const gboolean  *moved)
{
  g_autoptr(GPtrArray) ranking = g_ptr_array_new_with_free_func (esc_reassign_option_free);

  for (guint e = 0; e < prep->employees->len; e++)
    {
      const EscReassignPrepEmployee *employee = &g_array_index (prep->employees,
                                                                EscReassignPrepEmployee, e);
      EscReassignScore score;
      EscReassignOption *option;

      if (!esc_reassign_can_backfill (prep, e, move->candidate))
        continue;
      esc_reassign_score_backfill (prep, e, move->from_team, employee->row->spare_capacity,
                                   move->hours, employee->moved_today || moved[e], &score);
      option = esc_reassign_option_new_backfill (prep, e, employee->row->spare_capacity, &score);
      for (guint j = 0; j < move->backfills->len; j++)
        {
          EscReassignBackfill *backfill = g_ptr_array_index (move->backfills, j);

          if (backfill->employee_index == e)
            option->chosen_hours += backfill->hours;
        }
      g_ptr_array_add (ranking, option);
    }
  g_ptr_array_sort (ranking, esc_reassign_compare_backfill_options);

  for (guint i = 0; i < ranking->len; i++)
    {
      EscReassignOption *option = g_ptr_array_index (ranking, i);

      option->rank = i + 1;
      if (i < prep->settings.top_options)
        g_ptr_array_add (move->backfill_options, g_steal_pointer (&ranking->pdata[i]));
    }
}

/* The greedy's plan as the optimal mode's result: @kept says the model did not find
 * better (FALSE when there was nothing to choose). */
static EscReassignResult *
keep_greedy (EscReassignResult *greedy,
             gboolean           kept,
             gboolean           proven_optimal,
             const char        *note)
{
  EscReassignResult *result = esc_reassign_result_ref (greedy);

  result->mode = ESC_REASSIGN_OPTIMAL;
  result->has_greedy = TRUE;
  result->greedy = greedy->totals;
  result->kept_greedy = kept;
  result->proven_optimal = proven_optimal;
  if (note != NULL)
    g_ptr_array_add (result->notes, g_strdup (note));
  return result;
}

static void
build_model (EscReassignPrep  *prep,
             Model            *model,
             GArray           *pairs,
             GArray           *backfills,
             CandidateColumns *columns)
{
  const EscReassignSettings *s = &prep->settings;
  double P = s->covered_hour_points;
  double K = s->keep_threshold;
  double over = MAX (0.0, floor ((K - ESC_REASSIGN_EPSILON) * 100.0) / 100.0);
  guint n_candidates = prep->candidates->len;
  guint n_employees = prep->employees->len;
  g_autoptr(GPtrArray) by_candidate = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) helpers_of_candidate = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) helped_by_employee = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint c = 0; c < n_candidates; c++)
    {
      g_ptr_array_add (by_candidate, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_ptr_array_add (helpers_of_candidate, g_array_new (FALSE, FALSE, sizeof (guint)));
    }
  for (guint e = 0; e < n_employees; e++)
    g_ptr_array_add (helped_by_employee, g_array_new (FALSE, FALSE, sizeof (guint)));

  /* Pairs: a column c_p each, and the rows of the groups (sum c <= N). */
  for (guint g = 0; g < prep->groups->len; g++)
    {
      EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, g);
      double need = group->group->needed_hours;
      int need_row = add_row (model, GLP_UP, need);

      for (guint i = 0; i < group->candidates->len; i++)
        {
          guint c = g_array_index (group->candidates, guint, i);
          const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                                  EscReassignCandidate, c);
          const EscReassignPrepEmployee *employee = &g_array_index (prep->employees,
                                                                    EscReassignPrepEmployee,
                                                                    candidate->employee);
          guint index = pairs->len;
          Pair pair = { c, g, 0 };
          EscReassignScore score;

          esc_reassign_score_candidate (prep, c, g, candidate->available, employee->moved_today,
                                        &score);
          pair.cov = add_column (model, GLP_CV, 0.0, MIN (candidate->available, need),
                                 P + esc_reassign_score_total (&score));
          add_entry (model, need_row, pair.cov, 1.0);
          g_array_append_val (pairs, pair);
          g_array_append_val (g_ptr_array_index (by_candidate, c), index);
        }
    }

  /* Candidates and their backfill pairs. */
  for (guint c = 0; c < n_candidates; c++)
    {
      const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                              EscReassignCandidate, c);

      if (((GArray *) g_ptr_array_index (by_candidate, c))->len == 0)
        continue;
      columns[c].rest = add_column (model, GLP_BV, 0, 1, 0.0);
      columns[c].over = add_column (model, GLP_CV, 0.0, over, 0.0);
      for (guint e = 0; e < n_employees; e++)
        {
          const EscReassignPrepEmployee *employee = &g_array_index (prep->employees,
                                                                    EscReassignPrepEmployee, e);
          BackfillPair pair = { e, c, 0 };
          guint index = backfills->len;
          EscReassignScore score;
          double worth;

          if (!esc_reassign_can_backfill (prep, e, c))
            continue;
          esc_reassign_score_backfill (prep, e, candidate->row->team,
                                       employee->row->spare_capacity, candidate->available,
                                       employee->moved_today, &score);
          worth = P + esc_reassign_score_total (&score);
          if (worth <= 0.0)
            continue;  /* such hours never count: the plan leaves them out */
          pair.b = add_column (model, GLP_CV, 0.0,
                               MIN (employee->row->spare_capacity, candidate->available), worth);
          g_array_append_val (backfills, pair);
          g_array_append_val (g_ptr_array_index (helpers_of_candidate, c), index);
          g_array_append_val (g_ptr_array_index (helped_by_employee, e), index);
        }
    }

  /* Rows of the candidates. With M = sum c + o the hours moved: M >= A (1 - r),
   * M <= A - min (K, A) r, o <= K' (1 - r), and the backfill counts up to sum c. */
  for (guint c = 0; c < n_candidates; c++)
    {
      GArray *mine = g_ptr_array_index (by_candidate, c);
      GArray *helpers = g_ptr_array_index (helpers_of_candidate, c);
      double A = g_array_index (prep->candidates, EscReassignCandidate, c).available;
      int low_row, high_row, over_row, backfill_row;

      if (columns[c].rest == 0)
        continue;
      low_row = add_row (model, GLP_LO, A);
      high_row = add_row (model, GLP_UP, A);
      over_row = add_row (model, GLP_UP, over);
      add_entry (model, low_row, columns[c].rest, A);
      add_entry (model, low_row, columns[c].over, 1.0);
      add_entry (model, high_row, columns[c].rest, MIN (K, A));
      add_entry (model, high_row, columns[c].over, 1.0);
      add_entry (model, over_row, columns[c].rest, over);
      add_entry (model, over_row, columns[c].over, 1.0);
      for (guint i = 0; i < mine->len; i++)
        {
          int cov = g_array_index (pairs, Pair, g_array_index (mine, guint, i)).cov;

          add_entry (model, low_row, cov, 1.0);
          add_entry (model, high_row, cov, 1.0);
        }
      if (helpers->len == 0)
        continue;
      backfill_row = add_row (model, GLP_UP, 0.0);
      for (guint i = 0; i < mine->len; i++)
        add_entry (model, backfill_row,
                   g_array_index (pairs, Pair, g_array_index (mine, guint, i)).cov, -1.0);
      for (guint i = 0; i < helpers->len; i++)
        add_entry (model, backfill_row,
                   g_array_index (backfills, BackfillPair, g_array_index (helpers, guint, i)).b,
                   1.0);
    }

  /* Rows of the backfill employees: sum b <= S. */
  for (guint e = 0; e < n_employees; e++)
    {
      GArray *helped = g_ptr_array_index (helped_by_employee, e);
      const EscReassignPrepEmployee *employee = &g_array_index (prep->employees,
                                                                EscReassignPrepEmployee, e);
      int row;

      if (helped->len == 0)
        continue;
      row = add_row (model, GLP_UP, employee->row->spare_capacity);
      for (guint i = 0; i < helped->len; i++)
        add_entry (model, row,
                   g_array_index (backfills, BackfillPair, g_array_index (helped, guint, i)).b,
                   1.0);
    }
}

/* Turns the model's solution into moves with their backfills. */
static void
read_plan (EscReassignPrep        *prep,
           Model                  *model,
           GArray                 *pairs,
           GArray                 *backfills,
           const CandidateColumns *columns,
           EscReassignResult      *result)
{
  guint n_candidates = prep->candidates->len;
  g_autofree gboolean *moved = g_new0 (gboolean, prep->employees->len + 1);
  g_autofree double *group_covered = g_new0 (double, prep->groups->len + 1);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = &g_array_index (pairs, Pair, i);
      double covered = value_of (model->lp, pair->cov);
      EscReassignMove *move;

      if (covered <= ESC_REASSIGN_EPSILON)
        continue;
      move = esc_reassign_move_new (prep, pair->c, pair->g);
      move->hours = covered;
      move->covered_hours = covered;
      group_covered[pair->g] += covered;
      g_ptr_array_add (found, move);
      moved[g_array_index (prep->candidates, EscReassignCandidate, pair->c).employee] = TRUE;
    }

  /* An assignment's hours beyond those covered (a whole move, third branch) go with its
   * largest move to a completed group, else with its largest move. */
  for (guint c = 0; c < n_candidates; c++)
    {
      EscReassignMove *target = NULL;
      gboolean target_completes = FALSE;
      double extra;

      if (columns[c].rest == 0 || (extra = value_of (model->lp, columns[c].over)) <= 0.0)
        continue;
      for (guint i = 0; i < found->len; i++)
        {
          EscReassignMove *move = g_ptr_array_index (found, i);
          EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, move->group);
          gboolean completes = group_covered[move->group] >=
                               group->group->needed_hours - ESC_REASSIGN_EPSILON;

          if (move->candidate != c)
            continue;
          if (target == NULL || (completes && !target_completes) ||
              (completes == target_completes && move->covered_hours > target->covered_hours))
            {
              target = move;
              target_completes = completes;
            }
        }
      if (target != NULL)
        target->hours = esc_reassign_round_hours (target->hours + extra);
    }

  for (guint g = 0; g < prep->groups->len; g++)
    rank_group (prep, result, g, found);

  /* The last move of a used-up assignment says so; backfills fill its moves in order. */
  for (guint c = 0; c < n_candidates; c++)
    {
      g_autoptr(GPtrArray) helpers = g_ptr_array_new_with_free_func (esc_reassign_option_free);
      EscReassignMove *last = NULL;
      guint next = 0;
      double left_in_helper = 0.0;
      double moved_hours = 0.0;

      if (columns[c].rest == 0)
        continue;
      for (guint i = 0; i < backfills->len; i++)
        {
          BackfillPair *pair = &g_array_index (backfills, BackfillPair, i);
          const EscReassignPrepEmployee *employee;
          EscReassignScore score = { { 0 } };
          EscReassignOption *option;
          double hours;

          if (pair->c != c || (hours = value_of (model->lp, pair->b)) <= ESC_REASSIGN_EPSILON)
            continue;
          employee = &g_array_index (prep->employees, EscReassignPrepEmployee, pair->e);
          option = esc_reassign_option_new_backfill (prep, pair->e, employee->row->spare_capacity,
                                                     &score);
          option->chosen_hours = hours;
          g_ptr_array_add (helpers, option);
        }
      g_ptr_array_sort (helpers, esc_reassign_compare_backfill_options);

      for (guint i = 0; i < result->moves->len; i++)
        {
          EscReassignMove *move = g_ptr_array_index (result->moves, i);
          double left = move->hours;

          if (move->candidate != c)
            continue;
          last = move;
          moved_hours += move->hours;
          while (left > ESC_REASSIGN_EPSILON && next < helpers->len)
            {
              EscReassignOption *helper = g_ptr_array_index (helpers, next);
              EscReassignBackfill *backfill;
              double give;

              if (left_in_helper <= ESC_REASSIGN_EPSILON)
                left_in_helper = helper->chosen_hours;
              give = esc_reassign_round_hours (MIN (left, left_in_helper));
              backfill = g_new0 (EscReassignBackfill, 1);
              backfill->employee = g_strdup (helper->employee);
              backfill->employee_index = helper->index;
              backfill->hours = give;
              g_ptr_array_add (move->backfills, backfill);
              left = esc_reassign_round_hours (left - give);
              left_in_helper = esc_reassign_round_hours (left_in_helper - give);
              if (left_in_helper <= ESC_REASSIGN_EPSILON)
                next++;
            }
        }
      if (last != NULL && moved_hours >= g_array_index (prep->candidates, EscReassignCandidate,
                                                        c).available - ESC_REASSIGN_EPSILON)
        last->used_up = TRUE;
    }

  for (guint i = 0; i < result->moves->len; i++)
    rank_backfill_options (prep, g_ptr_array_index (result->moves, i), moved);
}

EscReassignResult *
esc_reassign_solve_optimal (EscReassignPrep   *prep,
                            EscReassignResult *greedy,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
  g_autoptr(GArray) backfills = g_array_new (FALSE, TRUE, sizeof (BackfillPair));
  g_autofree CandidateColumns *columns = g_new0 (CandidateColumns, prep->candidates->len + 1);
  g_autoptr(EscReassignResult) result = NULL;
  Model model = { 0 };
  glp_iocp parm;
  int previous_output;
  int status, code;
  gboolean has_pairs = FALSE;

  for (guint g = 0; g < prep->groups->len; g++)
    if (((EscReassignPrepGroup *) g_ptr_array_index (prep->groups, g))->candidates->len > 0)
      has_pairs = TRUE;
  if (!has_pairs)
    return keep_greedy (greedy, FALSE, TRUE, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  previous_output = glp_term_out (GLP_OFF);
  model.lp = glp_create_prob ();
  model.ia = g_array_new (FALSE, FALSE, sizeof (int));
  model.ja = g_array_new (FALSE, FALSE, sizeof (int));
  model.ar = g_array_new (FALSE, FALSE, sizeof (double));
  /* GLPK's arrays are 1-based. */
  add_entry (&model, 0, 0, 0.0);
  glp_set_prob_name (model.lp, "reassign");
  glp_set_obj_dir (model.lp, GLP_MAX);

  build_model (prep, &model, pairs, backfills, columns);
  glp_load_matrix (model.lp, (int) model.ia->len - 1, (const int *) model.ia->data,
                   (const int *) model.ja->data, (const double *) model.ar->data);

  glp_init_iocp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;
  parm.mip_gap = 0.0;
  parm.tm_lim = (int) MIN (prep->settings.optimal_time_limit * 1000.0, (double) G_MAXINT);
  parm.cb_func = check_cancelled_cb;
  parm.cb_info = cancellable;
  code = glp_intopt (model.lp, &parm);
  status = glp_mip_status (model.lp);

  if (g_cancellable_is_cancelled (cancellable))
    ;  /* reported below, after GLPK's clean-up */
  else if ((code == 0 || code == GLP_ETMLIM || code == GLP_ESTOP) &&
           (status == GLP_OPT || status == GLP_FEAS))
    {
      result = esc_reassign_result_new_for_prep (prep, ESC_REASSIGN_OPTIMAL);
      read_plan (prep, &model, pairs, backfills, columns, result);
      esc_reassign_evaluate (prep, result);
      result->has_greedy = TRUE;
      result->greedy = greedy->totals;
      result->proven_optimal = code == 0 && status == GLP_OPT;
    }

  glp_delete_prob (model.lp);
  g_array_unref (model.ia);
  g_array_unref (model.ja);
  g_array_unref (model.ar);
  glp_term_out (previous_output);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (result == NULL)
    return keep_greedy (greedy, TRUE, FALSE,
                        _("GLPK found no plan within the time limit; this is the greedy's plan."));
  if (result->totals.value < greedy->totals.value - ESC_REASSIGN_EPSILON)
    {
      if (result->proven_optimal)
        g_warning ("optimal plan value %.6f below greedy %.6f", result->totals.value,
                   greedy->totals.value);
      return keep_greedy (greedy, TRUE, FALSE,
                          _("GLPK stopped before it found a plan better than the greedy's; this is the greedy's plan."));
    }
  return g_steal_pointer (&result);
}
