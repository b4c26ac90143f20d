/* esc-decompose.c: a bound of a group's level by Dantzig-Wolfe column generation (see
 * esc-decompose.h).
 *
 * esc_decomposition_new() copies what it needs of the model (bounds, objective, matrix)
 * into plain arrays, so that esc_decomposition_bound() may run in another thread: its
 * GLPK problems (one small LP per employee, the master) are created and freed inside
 * the call, in the calling thread's GLPK environment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <math.h>
#include <string.h>

#include "esc-decompose.h"

#define SMOOTHING 0.5     /* Wentges: share of the best dual vector in the one priced */

typedef struct
{
  int type;
  double lb, ub;
} Bounds;

/* A master column's schedule: its block and the block's column values. */
typedef struct
{
  guint block;
  double *xb;             /* block columns, 1-based */
} Point;

typedef struct
{
  glp_prob *lp;           /* the employee's own rows and columns, relaxed */
  int n_cols;
  int *col;               /* block column (1-based) -> model column */
  GArray *rows;           /* int: the employee's model rows */
} Block;

struct _EscDecomposition
{
  int n_rows, n_cols;
  double constant;        /* the objective's constant */
  double grid_step, grid_offset;  /* the values the objective can take (esc-model.h) */
  double *obj;            /* n_cols + 1 */
  Bounds *col_bounds;     /* n_cols + 1 */
  gboolean *col_integer;  /* n_cols + 1 */
  Bounds *row_bounds;     /* n_rows + 1 */
  int *row_off;           /* CSR of the matrix: n_rows + 2 */
  int *row_col;
  double *row_val;
  int *col_block;         /* model column -> block or -1 */
  int n_link;             /* linking rows: master rows 1 .. n_link */
  int *link_rows;         /* master row -> model row */
  int *link_row;          /* model row -> master row or 0 */
  guint n_blocks;
  Block *blocks;
  /* Model columns' entries in the linking rows (CSC). */
  int *col_off;           /* n_cols + 2 */
  int *col_row;           /* master row */
  double *col_val;
  int *link_cols;         /* linking model columns */
  int n_link_cols;
  glp_prob *master;       /* during esc_decomposition_bound(), with: */
  double *pi, *mu;        /* the master's duals: linking rows, convexity rows */
  int *ind;               /* scratch for a master column */
  double *val, *acc;
  GArray *integral;       /* gboolean per master column after the linking ones */
  GArray *points;         /* Point per master column after the linking ones */
  double *combined;       /* the dive's vector (n_cols + 1), or NULL */
  gboolean *combined_free;  /* per block: not decided by the dive; NULL: all are */
  guint rounds, added;
};

void
esc_decomposition_free (EscDecomposition *self)
{
  if (self == NULL)
    return;
  for (guint k = 0; k < self->n_blocks; k++)
    {
      g_free (self->blocks[k].col);
      g_clear_pointer (&self->blocks[k].rows, g_array_unref);
    }
  g_free (self->blocks);
  g_free (self->obj);
  g_free (self->col_bounds);
  g_free (self->col_integer);
  g_free (self->row_bounds);
  g_free (self->row_off);
  g_free (self->row_col);
  g_free (self->row_val);
  g_free (self->col_block);
  g_free (self->link_rows);
  g_free (self->link_row);
  g_free (self->col_off);
  g_free (self->col_row);
  g_free (self->col_val);
  g_free (self->link_cols);
  g_free (self->combined);
  g_free (self->combined_free);
  g_free (self);
}

EscDecomposition *
esc_decomposition_new (EscModel *model)
{
  EscDecomposition *self = g_new0 (EscDecomposition, 1);
  glp_prob *full = esc_model_get_prob (model);
  int n_rows = glp_get_num_rows (full), n_cols = esc_model_get_n_cols (model);
  g_autofree int *ind = g_new (int, n_cols + 1);
  g_autofree double *val = g_new (double, n_cols + 1);
  g_autofree int *count = NULL;
  g_autoptr(GArray) row_col = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) row_val = g_array_new (FALSE, FALSE, sizeof (double));

  self->n_rows = n_rows;
  self->n_cols = n_cols;
  self->constant = glp_get_obj_coef (full, 0);
  esc_model_get_objective_grid (model, &self->grid_step, &self->grid_offset);
  self->n_blocks = esc_model_get_n_employees (model);
  self->obj = g_new0 (double, n_cols + 1);
  self->col_bounds = g_new0 (Bounds, n_cols + 1);
  self->col_integer = g_new0 (gboolean, n_cols + 1);
  self->col_block = g_new (int, n_cols + 1);
  self->col_block[0] = -1;
  for (int j = 1; j <= n_cols; j++)
    {
      self->obj[j] = glp_get_obj_coef (full, j);
      self->col_bounds[j].type = glp_get_col_type (full, j);
      self->col_bounds[j].lb = glp_get_col_lb (full, j);
      self->col_bounds[j].ub = glp_get_col_ub (full, j);
      self->col_block[j] = esc_model_column_employee (model, j);
      self->col_integer[j] = glp_get_col_kind (full, j) != GLP_CV;
    }

  /* Rows: an employee's own (all its columns are theirs), or linking. */
  self->row_bounds = g_new0 (Bounds, n_rows + 1);
  self->row_off = g_new0 (int, n_rows + 2);
  self->link_rows = g_new0 (int, n_rows + 1);
  self->link_row = g_new0 (int, n_rows + 1);
  self->blocks = g_new0 (Block, MAX (self->n_blocks, 1));
  for (guint k = 0; k < self->n_blocks; k++)
    self->blocks[k].rows = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 1; i <= n_rows; i++)
    {
      int len = glp_get_mat_row (full, i, ind, val), b = -2;

      self->row_bounds[i].type = glp_get_row_type (full, i);
      self->row_bounds[i].lb = glp_get_row_lb (full, i);
      self->row_bounds[i].ub = glp_get_row_ub (full, i);
      self->row_off[i] = (int) row_col->len;
      for (int t = 1; t <= len; t++)
        {
          int cb = self->col_block[ind[t]];

          g_array_append_val (row_col, ind[t]);
          g_array_append_val (row_val, val[t]);
          b = b == -2 ? cb : b == cb ? b : -1;
        }
      if (b == -1)
        {
          self->link_row[i] = ++self->n_link;
          self->link_rows[self->n_link] = i;
        }
      else if (b >= 0)
        g_array_append_val (self->blocks[b].rows, i);
    }
  self->row_off[n_rows + 1] = (int) row_col->len;
  self->row_col = (int *) g_array_free (g_steal_pointer (&row_col), FALSE);
  self->row_val = (double *) g_array_free (g_steal_pointer (&row_val), FALSE);

  /* The blocks' columns. */
  count = g_new0 (int, self->n_blocks + 1);
  for (int j = 1; j <= n_cols; j++)
    if (self->col_block[j] >= 0)
      count[self->col_block[j]]++;
  for (guint k = 0; k < self->n_blocks; k++)
    {
      self->blocks[k].col = g_new0 (int, count[k] + 1);
      self->blocks[k].n_cols = 0;
    }
  for (int j = 1; j <= n_cols; j++)
    if (self->col_block[j] >= 0)
      {
        Block *b = &self->blocks[self->col_block[j]];

        b->col[++b->n_cols] = j;
      }

  /* Every column's entries in the linking rows; the linking columns. */
  {
    g_autoptr(GArray) entries_row = g_array_new (FALSE, FALSE, sizeof (int));
    g_autoptr(GArray) entries_val = g_array_new (FALSE, FALSE, sizeof (double));

    self->col_off = g_new0 (int, n_cols + 2);
    self->link_cols = g_new0 (int, n_cols + 1);
    for (int j = 1; j <= n_cols; j++)
      {
        int len = glp_get_mat_col (full, j, ind, val);

        self->col_off[j] = (int) entries_row->len;
        for (int t = 1; t <= len; t++)
          if (self->link_row[ind[t]] > 0)
            {
              g_array_append_val (entries_row, self->link_row[ind[t]]);
              g_array_append_val (entries_val, val[t]);
            }
        if (self->col_block[j] < 0)
          self->link_cols[self->n_link_cols++] = j;
      }
    self->col_off[n_cols + 1] = (int) entries_row->len;
    self->col_row = (int *) g_array_free (g_steal_pointer (&entries_row), FALSE);
    self->col_val = (double *) g_array_free (g_steal_pointer (&entries_val), FALSE);
  }
  return self;
}

static void
set_bounds (glp_prob     *lp,
            gboolean      row,
            int           i,
            const Bounds *b)
{
  if (row)
    glp_set_row_bnds (lp, i, b->type, b->lb, b->ub);
  else
    glp_set_col_bnds (lp, i, b->type, b->lb, b->ub);
}

static void
clear_point (gpointer data)
{
  g_free (((Point *) data)->xb);
}

/* The GLPK problems, in this thread. */
static void
build_problems (EscDecomposition *self)
{
  g_autofree int *local = g_new0 (int, self->n_cols + 1);
  g_autofree int *ind = g_new (int, MAX (self->n_cols, self->n_link) + 1);
  g_autofree double *val = g_new (double, MAX (self->n_cols, self->n_link) + 1);

  for (guint k = 0; k < self->n_blocks; k++)
    {
      Block *b = &self->blocks[k];

      b->lp = glp_create_prob ();
      glp_set_obj_dir (b->lp, GLP_MIN);
      if (b->n_cols > 0)
        glp_add_cols (b->lp, b->n_cols);
      for (int t = 1; t <= b->n_cols; t++)
        {
          local[b->col[t]] = t;
          set_bounds (b->lp, FALSE, t, &self->col_bounds[b->col[t]]);
        }
      for (guint r = 0; r < b->rows->len; r++)
        {
          int i = g_array_index (b->rows, int, r), len = 0, row;

          for (int p = self->row_off[i]; p < self->row_off[i + 1]; p++)
            {
              len++;
              ind[len] = local[self->row_col[p]];
              val[len] = self->row_val[p];
            }
          row = glp_add_rows (b->lp, 1);
          glp_set_mat_row (b->lp, row, len, ind, val);
          set_bounds (b->lp, TRUE, row, &self->row_bounds[i]);
        }
      if (b->n_cols > 0 && b->rows->len > 0)
        glp_scale_prob (b->lp, GLP_SF_AUTO);
    }

  self->master = glp_create_prob ();
  glp_set_obj_dir (self->master, GLP_MIN);
  if (self->n_link > 0)
    glp_add_rows (self->master, self->n_link);
  for (int r = 1; r <= self->n_link; r++)
    set_bounds (self->master, TRUE, r, &self->row_bounds[self->link_rows[r]]);
  if (self->n_blocks > 0)
    glp_add_rows (self->master, (int) self->n_blocks);
  for (guint k = 0; k < self->n_blocks; k++)
    glp_set_row_bnds (self->master, self->n_link + 1 + (int) k, GLP_FX, 1.0, 1.0);
  for (int t = 0; t < self->n_link_cols; t++)
    {
      int j = self->link_cols[t], c = glp_add_cols (self->master, 1), len = 0;

      set_bounds (self->master, FALSE, c, &self->col_bounds[j]);
      glp_set_obj_coef (self->master, c, self->obj[j]);
      for (int p = self->col_off[j]; p < self->col_off[j + 1]; p++)
        {
          len++;
          ind[len] = self->col_row[p];
          val[len] = self->col_val[p];
        }
      glp_set_mat_col (self->master, c, len, ind, val);
    }
  glp_set_obj_coef (self->master, 0, self->constant);
  self->pi = g_new0 (double, self->n_link + 1);
  self->mu = g_new0 (double, MAX (self->n_blocks, 1));
  self->acc = g_new0 (double, self->n_link + 1);
  self->ind = g_new (int, self->n_link + self->n_blocks + 2);
  self->val = g_new (double, self->n_link + self->n_blocks + 2);
  self->integral = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));
  g_array_set_clear_func (self->points, clear_point);
}

static void
free_problems (EscDecomposition *self)
{
  for (guint k = 0; k < self->n_blocks; k++)
    g_clear_pointer (&self->blocks[k].lp, glp_delete_prob);
  g_clear_pointer (&self->master, glp_delete_prob);
  g_clear_pointer (&self->pi, g_free);
  g_clear_pointer (&self->mu, g_free);
  g_clear_pointer (&self->acc, g_free);
  g_clear_pointer (&self->ind, g_free);
  g_clear_pointer (&self->val, g_free);
  g_clear_pointer (&self->integral, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
}

static gboolean
point_is_integral (EscDecomposition *self,
                   guint             k,
                   const double     *xb)
{
  const Block *b = &self->blocks[k];

  for (int t = 1; t <= b->n_cols; t++)
    if (self->col_integer[b->col[t]] && fabs (xb[t] - nearbyint (xb[t])) >= 1e-9)
      return FALSE;
  return TRUE;
}

/* A column of the master for block @k at the block's point @xb (block columns, 1-based):
 * its cost and its entries in the linking rows and the block's convexity row. */
static void
add_column (EscDecomposition *self,
            guint             k,
            const double     *xb)
{
  Block *b = &self->blocks[k];
  double cost = 0, *acc = self->acc, *val = self->val;
  int len = 0, c, *ind = self->ind;

  memset (acc, 0, sizeof (double) * (self->n_link + 1));
  for (int t = 1; t <= b->n_cols; t++)
    {
      int j = b->col[t];

      if (xb[t] == 0.0)
        continue;
      cost += self->obj[j] * xb[t];
      for (int p = self->col_off[j]; p < self->col_off[j + 1]; p++)
        acc[self->col_row[p]] += self->col_val[p] * xb[t];
    }
  for (int r = 1; r <= self->n_link; r++)
    if (fabs (acc[r]) > 1e-12)
      {
        len++;
        ind[len] = r;
        val[len] = acc[r];
      }
  len++;
  ind[len] = self->n_link + 1 + (int) k;
  val[len] = 1.0;
  {
    gboolean integral = point_is_integral (self, k, xb);

    g_array_append_val (self->integral, integral);
  }
  {
    Point point = { k, g_memdup2 (xb, sizeof (double) * (b->n_cols + 1)) };

    g_array_append_val (self->points, point);
  }
  c = glp_add_cols (self->master, 1);
  glp_set_col_bnds (self->master, c, GLP_LO, 0.0, 0.0);
  glp_set_obj_coef (self->master, c, cost);
  glp_set_mat_col (self->master, c, len, ind, val);
  self->added++;
}

/* The master's duals of the linking rows (sign-checked) and convexity rows, into
 * self->pi and self->mu. */
static void
master_duals (EscDecomposition *self)
{
  double *pi = self->pi, *mu = self->mu;

  for (int r = 1; r <= self->n_link; r++)
    {
      int type = glp_get_row_type (self->master, r);
      double d = glp_get_row_dual (self->master, r);

      /* A row bound that does not exist cannot carry a dual of that sign. */
      if ((d > 0 && (type == GLP_UP || type == GLP_FR)) ||
          (d < 0 && (type == GLP_LO || type == GLP_FR)))
        d = 0;
      pi[r] = d;
    }
  for (guint k = 0; k < self->n_blocks; k++)
    mu[k] = glp_get_row_dual (self->master, self->n_link + 1 + (int) k);
}

/* The reduced cost of model column @j at duals @pi. */
static inline double
reduced (EscDecomposition *self,
         int               j,
         const double     *pi)
{
  double d = self->obj[j];

  for (int p = self->col_off[j]; p < self->col_off[j + 1]; p++)
    d -= pi[self->col_row[p]] * self->col_val[p];
  return d;
}

/* The reduced cost in the master of block @k's point @xb at the master's duals (tiny
 * values of @xb are set to 0). */
static double
master_reduced (EscDecomposition *self,
                guint             k,
                double           *xb)
{
  const Block *b = &self->blocks[k];
  double rc = -self->mu[k];

  for (int t = 1; t <= b->n_cols; t++)
    {
      if (fabs (xb[t]) < 1e-9)
        xb[t] = 0;
      rc += reduced (self, b->col[t], self->pi) * xb[t];
    }
  return rc;
}

/* Employee @k's own minimum of the reduced costs at duals @duals: over their LP, or with
 * @integer their own MIP (from that LP) for an integral schedule. The point goes to @xb
 * (block columns), the minimum to @minimum (a term of the Lagrangian bound: the MIP's
 * when proven, else the LP's). FALSE when GLPK fails. */
static gboolean
price_block (EscDecomposition *self,
             guint             k,
             const double     *duals,
             gboolean          integer,
             gint64            deadline,
             glp_smcp         *parm,
             double           *xb,
             double           *minimum)
{
  Block *b = &self->blocks[k];

  for (int t = 1; t <= b->n_cols; t++)
    glp_set_obj_coef (b->lp, t, reduced (self, b->col[t], duals));
  parm->tm_lim = G_MAXINT / 2;
  if (glp_simplex (b->lp, parm) != 0 || glp_get_status (b->lp) != GLP_OPT)
    {
      /* Once more from a fresh basis. */
      glp_adv_basis (b->lp, 0);
      if (glp_simplex (b->lp, parm) != 0 || glp_get_status (b->lp) != GLP_OPT)
        return FALSE;
    }
  xb[0] = 0;
  if (integer)
    {
      glp_iocp iparm;
      int ret;

      glp_init_iocp (&iparm);
      iparm.msg_lev = GLP_MSG_OFF;
      /* GLPK's cuts close an employee's MIP in milliseconds (weekly hours are knapsacks,
       * patterns and days cliques); without them, alone with their wishes, 13 of the
       * pool's 52 employees with a wish ran out of 3 s. */
      iparm.mir_cuts = GLP_ON;
      iparm.cov_cuts = GLP_ON;
      iparm.clq_cuts = GLP_ON;
      iparm.gmi_cuts = GLP_ON;
      iparm.tm_lim = (int) CLAMP ((deadline - g_get_monotonic_time ()) / 1000, 1, 200);
      for (int t = 1; t <= b->n_cols; t++)
        if (self->col_integer[b->col[t]])
          glp_set_col_kind (b->lp, t, GLP_IV);
      ret = glp_intopt (b->lp, &iparm);
      if (ret == 0 && glp_mip_status (b->lp) == GLP_OPT)
        {
          *minimum = glp_mip_obj_val (b->lp);
          for (int t = 1; t <= b->n_cols; t++)
            xb[t] = glp_mip_col_val (b->lp, t);
        }
      else
        {
          *minimum = glp_get_obj_val (b->lp);
          for (int t = 1; t <= b->n_cols; t++)
            xb[t] = glp_get_col_prim (b->lp, t);
        }
      for (int t = 1; t <= b->n_cols; t++)
        glp_set_col_kind (b->lp, t, GLP_CV);
    }
  else
    {
      *minimum = glp_get_obj_val (b->lp);
      for (int t = 1; t <= b->n_cols; t++)
        xb[t] = glp_get_col_prim (b->lp, t);
    }
  return TRUE;
}

/* Prices employee @k at @duals (price_block()) and adds the point to the master when its
 * reduced cost at the master's duals is below -1e-7 * max (1, |@master_value|). Returns
 * the columns added (0 or 1), or -1 when GLPK failed; @minimum receives the minimum. */
static int
price_and_add (EscDecomposition *self,
               guint             k,
               const double     *duals,
               gboolean          integer,
               double            master_value,
               gint64            deadline,
               glp_smcp         *parm,
               double           *minimum)
{
  g_autofree double *xb = g_new0 (double, self->blocks[k].n_cols + 1);

  if (!price_block (self, k, duals, integer, deadline, parm, xb, minimum))
    return -1;
  if (master_reduced (self, k, xb) >= -1e-7 * MAX (1.0, fabs (master_value)))
    return 0;
  add_column (self, k, xb);
  return 1;
}

static int
ms_left (gint64 deadline)
{
  return (int) CLAMP ((deadline - g_get_monotonic_time ()) / 1000, 1, G_MAXINT / 2);
}

static gboolean
stopped (gint64                    deadline,
         EscDecompositionStopFunc  stop,
         gpointer                  user_data)
{
  return g_get_monotonic_time () >= deadline || (stop != NULL && stop (user_data));
}

static void
save_basis (glp_prob *lp,
            int      *basis)
{
  int m = glp_get_num_rows (lp), n = glp_get_num_cols (lp);

  for (int i = 1; i <= m; i++)
    basis[i] = glp_get_row_stat (lp, i);
  for (int j = 1; j <= n; j++)
    basis[m + j] = glp_get_col_stat (lp, j);
}

static void
restore_basis (glp_prob  *lp,
               const int *basis)
{
  int m = glp_get_num_rows (lp), n = glp_get_num_cols (lp);

  for (int i = 1; i <= m; i++)
    glp_set_row_stat (lp, i, basis[i]);
  for (int j = 1; j <= n; j++)
    glp_set_col_stat (lp, j, basis[m + j]);
}

/* Fixes at 0 the master's columns from @from on that are not whole schedules (an
 * employee's MIP that ran out of time priced its LP point). */
static void
drop_fractional (EscDecomposition *self,
                 guint             from)
{
  for (guint c = from; c < self->integral->len; c++)
    if (!g_array_index (self->integral, gboolean, c))
      glp_set_col_bnds (self->master, self->n_link_cols + 1 + (int) c, GLP_FX, 0.0, 0.0);
}

/* Fixes master column @c at 1 when the master's LP value then stays within @cap (the
 * dual simplex @trial stops as soon as it passes it); else undoes the fixing, back to
 * the LP's optimum by its saved basis (no pivots). */
static gboolean
try_fixing (EscDecomposition *self,
            int               c,
            const glp_smcp   *trial,
            glp_smcp         *parm,
            gint64            deadline,
            double            cap,
            int              *basis)
{
  glp_prob *master = self->master;

  save_basis (master, basis);
  glp_set_col_bnds (master, c, GLP_FX, 1.0, 1.0);
  if (glp_simplex (master, trial) == 0 && glp_get_status (master) == GLP_OPT &&
      glp_get_obj_val (master) <= cap)
    return TRUE;
  glp_set_col_bnds (master, c, GLP_LO, 0.0, 0.0);
  restore_basis (master, basis);
  parm->tm_lim = ms_left (deadline);
  glp_simplex (master, parm);
  return FALSE;
}

/* The dive's result: the schedules the master's LP uses whole; the other employees are
 * undecided. */
static void
collect_dive (EscDecomposition *self)
{
  glp_prob *master = self->master;
  int first = self->n_link_cols + 1;
  guint n_free = 0;

  self->combined = g_new0 (double, self->n_cols + 1);
  self->combined_free = g_new (gboolean, MAX (self->n_blocks, 1));
  for (guint k = 0; k < self->n_blocks; k++)
    self->combined_free[k] = self->blocks[k].n_cols > 0;
  for (int c = first; c <= glp_get_num_cols (master); c++)
    if (glp_get_col_prim (master, c) >= 1 - 1e-6)
      {
        const Point *point = &g_array_index (self->points, Point, c - first);
        const Block *b = &self->blocks[point->block];

        self->combined_free[point->block] = FALSE;
        for (int t = 1; t <= b->n_cols; t++)
          self->combined[b->col[t]] = point->xb[t];
      }
  for (int t = 0; t < self->n_link_cols; t++)
    self->combined[self->link_cols[t]] = glp_get_col_prim (master, t + 1);
  for (guint k = 0; k < self->n_blocks; k++)
    n_free += self->combined_free[k] ? 1 : 0;
  if (n_free == 0)
    g_clear_pointer (&self->combined_free, g_free);
}

/* A schedule from the master over integral schedules (after integral pricing): a dive
 * from its LP optimum that keeps the LP's value within the cap, that value rounded up to
 * the objective's grid. Each step fixes every schedule the LP uses whole (the LP stays
 * optimal), then tries the one it uses most among the others it has not tried since the
 * last pricing (try_fixing()). When none is left, the employees not fixed yet price new
 * integral schedules at the master's duals, once between two fixings; when nothing new
 * comes, the dive stops with those employees undecided. self->combined (and
 * combined_free) receive it (collect_dive()). */
static void
dive (EscDecomposition         *self,
      glp_smcp                 *parm,
      gint64                    deadline,
      EscDecompositionStopFunc  stop,
      gpointer                  user_data)
{
  glp_prob *master = self->master;
  int first = self->n_link_cols + 1;
  guint fixings = 0, undone = 0, priced = 0;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GArray) tried = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autofree gboolean *fixed = g_new0 (gboolean, MAX (self->n_blocks, 1));
  g_autofree int *basis = NULL;
  gboolean priced_since_fix = FALSE;
  double value, cap;
  glp_smcp trial;

  drop_fractional (self, 0);
  parm->tm_lim = ms_left (deadline);
  if (glp_simplex (master, parm) != 0 || glp_get_status (master) != GLP_OPT)
    return;
  /* No schedule is worth less than the LP's value on the objective's grid. */
  value = glp_get_obj_val (master);
  cap = MAX (esc_round_lp_bound (value, self->grid_step, self->grid_offset), value) +
        1e-6 * MAX (1.0, fabs (value));
  /* A fixing keeps the basis dual feasible: the dual simplex re-optimises, and stops as
   * soon as the value passes the cap (3 times faster than the primal here). */
  trial = *parm;
  trial.meth = GLP_DUALP;
  trial.obj_ul = cap;

  while (!stopped (deadline, stop, user_data))
    {
      int n = glp_get_num_cols (master), pick = 0;
      double most = 0;
      gboolean fractional = FALSE;

      if (glp_get_status (master) != GLP_OPT)
        return;
      g_array_set_size (tried, (guint) n + 1);
      basis = g_renew (int, basis, glp_get_num_rows (master) + n + 1);
      for (int c = first; c <= n; c++)
        {
          double v = glp_get_col_prim (master, c);

          if (v >= 1 - 1e-6 && glp_get_col_type (master, c) != GLP_FX)
            {
              glp_set_col_bnds (master, c, GLP_FX, 1.0, 1.0);
              fixed[g_array_index (self->points, Point, c - first).block] = TRUE;
            }
          else if (v > 1e-6 && v < 1 - 1e-6)
            {
              fractional = TRUE;
              if (!g_array_index (tried, gboolean, c) && v > most)
                {
                  most = v;
                  pick = c;
                }
            }
        }
      if (!fractional)
        break;
      if (pick == 0)
        {
          guint added = 0, before = self->integral->len;
          double minimum;

          if (priced_since_fix)
            break;
          /* New integral schedules for the employees not fixed yet. */
          priced_since_fix = TRUE;
          priced++;
          master_duals (self);
          for (guint k = 0; k < self->n_blocks; k++)
            {
              int r;

              if (fixed[k] || self->blocks[k].n_cols == 0)
                continue;
              if (stopped (deadline, stop, user_data))
                return;
              r = price_and_add (self, k, self->pi, TRUE, value, deadline, parm, &minimum);
              if (r < 0)
                return;
              added += (guint) r;
            }
          if (added == 0)
            break;
          drop_fractional (self, before);
          memset (tried->data, 0, sizeof (gboolean) * tried->len);
          parm->tm_lim = ms_left (deadline);
          glp_simplex (master, parm);
          continue;
        }
      g_array_index (tried, gboolean, pick) = TRUE;
      trial.tm_lim = ms_left (deadline);
      if (try_fixing (self, pick, &trial, parm, deadline, cap, basis))
        {
          fixings++;
          fixed[g_array_index (self->points, Point, pick - first).block] = TRUE;
          priced_since_fix = FALSE;
        }
      else
        undone++;
    }
  if (stopped (deadline, stop, user_data) || glp_get_status (master) != GLP_OPT)
    return;
  collect_dive (self);
  g_debug ("decomposition dive: %u fixings (%u undone), %u pricings, master %g, "
           "%s, %.3f s", fixings, undone, priced, glp_get_obj_val (master),
           self->combined_free != NULL ? "some employees undecided" : "every employee decided",
           (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC);
}

double
esc_decomposition_bound (EscDecomposition          *self,
                         const double              *x,
                         double                     target,
                         gboolean                   with_integer,
                         gint64                     deadline,
                         EscDecompositionStopFunc   stop,
                         EscDecompositionBoundFunc  report,
                         gpointer                   user_data)
{
  int n_link = self->n_link;
  g_autofree double *center = g_new0 (double, n_link + 1);
  g_autofree double *sep = g_new0 (double, n_link + 1);
  double *pi;
  double best = -HUGE_VAL, alpha = 0;
  gboolean have_center = FALSE, integer = FALSE, converged, integral_done = FALSE;
  int alpha_dummy = 0;
  glp_smcp parm;

  self->rounds = 0;
  self->added = 0;
  g_clear_pointer (&self->combined, g_free);
  g_clear_pointer (&self->combined_free, g_free);
  build_problems (self);
  pi = self->pi;
  glp_init_smcp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;

  /* The start's schedules: the master is feasible from the first round. */
  for (guint k = 0; k < self->n_blocks; k++)
    {
      Block *b = &self->blocks[k];
      g_autofree double *xb = g_new0 (double, b->n_cols + 1);

      for (int t = 1; t <= b->n_cols; t++)
        xb[t] = x[b->col[t]];
      add_column (self, k, xb);
    }

  while (!stopped (deadline, stop, user_data))
    {
      double master_obj, lb;
      guint added = 0;
      gboolean broken = FALSE;

      parm.tm_lim = ms_left (deadline);
      if (glp_simplex (self->master, &parm) != 0 || glp_get_status (self->master) != GLP_OPT)
        break;
      self->rounds++;
      master_obj = glp_get_obj_val (self->master);
      master_duals (self);

      for (int r = 1; r <= n_link; r++)
        sep[r] = have_center ? alpha * center[r] + (1 - alpha) * pi[r] : pi[r];

      /* The Lagrangian bound at sep: the rows' part, the linking columns' part... */
      lb = self->constant;
      for (int r = 1; r <= n_link; r++)
        if (sep[r] != 0)
          {
            const Bounds *rb = &self->row_bounds[self->link_rows[r]];

            lb += sep[r] * (sep[r] > 0 ? rb->lb : rb->ub);
          }
      for (int t = 0; t < self->n_link_cols; t++)
        {
          int j = self->link_cols[t];
          const Bounds *cb = &self->col_bounds[j];
          double d = reduced (self, j, sep);

          if (d > 0)
            lb += (cb->type == GLP_FR || cb->type == GLP_UP) ? -HUGE_VAL : d * cb->lb;
          else if (d < 0)
            lb += (cb->type == GLP_FR || cb->type == GLP_LO) ? -HUGE_VAL : d * cb->ub;
        }

      /* ... and every employee's own minimum, with a new column when it prices out. */
      for (guint k = 0; k < self->n_blocks && !broken; k++)
        {
          double minimum;
          int r;

          if (self->blocks[k].n_cols == 0)
            continue;
          if ((integer || (k & 15) == 0) && stopped (deadline, stop, user_data))
            {
              broken = TRUE;
              break;
            }
          /* Its minimum at sep; its reduced cost at the master's own duals. */
          r = price_and_add (self, k, sep, integer, master_obj, deadline, &parm, &minimum);
          if (r < 0)
            {
              broken = TRUE;
              break;
            }
          lb += minimum;
          added += (guint) r;
        }
      if (broken)
        break;
      g_debug ("decomposition round %u%s: master %g, bound %g, %u columns added", self->rounds,
               integer ? " (integer)" : "", master_obj, lb, added);
      if (lb > best)
        {
          best = lb;
          memcpy (center, sep, sizeof (double) * (n_link + 1));
          have_center = TRUE;
          if (report != NULL)
            report (best, user_data);
        }
      if (best >= target)
        break;
      converged = best >= master_obj - 1e-7 * MAX (1.0, fabs (master_obj));
      if (added == 0 && !converged)
        {
          /* Nothing prices out at the master's duals: the master is optimal over its
           * blocks' polytopes. Unless the smoothed point mispriced: then price the
           * master's own duals next. */
          if (alpha == 0)
            {
              if (!integer && master_obj > best)
                {
                  best = master_obj;
                  if (report != NULL)
                    report (best, user_data);
                }
              converged = TRUE;
            }
          alpha = 0;
        }
      else
        alpha = added > 0 ? SMOOTHING : alpha;
      if (converged)
        {
          g_autoptr(GArray) drop = NULL;

          /* The LP relaxation's value is reached. With time left, the employees' own
           * integrality: price integral schedules only (a master over those alone
           * bounds the integral decomposition from above), which raises the bound where
           * the LP mixes schedules no employee can work. */
          integral_done = integer;
          if (integer || !with_integer)
            break;
          integer = TRUE;
          alpha = 0;
          drop = g_array_new (FALSE, FALSE, sizeof (int));
          g_array_append_val (drop, alpha_dummy);
          for (guint c = 0; c < self->integral->len; c++)
            if (!g_array_index (self->integral, gboolean, c))
              {
                int col = self->n_link_cols + 1 + (int) c;

                g_array_append_val (drop, col);
              }
          if (drop->len > 1)
            {
              glp_del_cols (self->master, (int) drop->len - 1, (int *) drop->data);
              for (int c = (int) self->integral->len - 1; c >= 0; c--)
                if (!g_array_index (self->integral, gboolean, c))
                  {
                    g_array_remove_index (self->integral, (guint) c);
                    g_array_remove_index (self->points, (guint) c);
                  }
              glp_std_basis (self->master);
            }
        }
    }
  if (integral_done)
    dive (self, &parm, deadline, stop, user_data);
  free_problems (self);
  return best;
}

guint
esc_decomposition_get_rounds (EscDecomposition *self)
{
  return self->rounds;
}

guint
esc_decomposition_get_columns (EscDecomposition *self)
{
  return self->added;
}

const double *
esc_decomposition_get_combined (EscDecomposition *self,
                                const gboolean  **free_blocks)
{
  *free_blocks = self->combined_free;
  return self->combined;
}
