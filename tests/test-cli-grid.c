/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-grid.c — dossier-cli grid: the power/interest grid as an SVG
 * that a program can read (one dot per stakeholder, named, placed by its
 * ratings, hollow without evidence, filled with it) and as a PNG of the
 * size asked for; and every bad command line or destination refused with
 * one line, leaving what was there.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <dossier/dossier.h>

#include "test-util.h"

typedef struct
{
  char *dir;
  char *project;
} Fixture;

static char *
ok_cli (const char *first,
        ...) G_GNUC_NULL_TERMINATED;

static char *
ok_cli (const char *first,
        ...)
{
  g_auto(TestRun) run = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  const char *a;

  va_start (ap, first);
  for (a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_assert_cmpuint (args->len, <=, 12);
  g_ptr_array_set_size (args, 12);
  test_run_cli (&run, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3],
                args->pdata[4], args->pdata[5], args->pdata[6], args->pdata[7], args->pdata[8],
                args->pdata[9], args->pdata[10], args->pdata[11], NULL);
  if (run.status != 0)
    g_error ("dossier-cli %s failed (%d): %s", first, run.status, run.err);
  return g_steal_pointer (&run.out);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("cli-grid");
  f->project = g_build_filename (f->dir, "grid.dossier", NULL);
  g_free (ok_cli ("new", f->project, "--title", "Ferry <dispute> & co", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->project);
}

static void
add_stakeholders (Fixture *f)
{
  g_free (ok_cli ("stakeholder-add", f->project, "Ferry Workers’ Union", "--power", "2",
                  "--interest", "5", "--position", "-2", NULL));
  g_free (ok_cli ("stakeholder-add", f->project, "Harbour Board", "--power", "5", "--interest",
                  "4", "--position", "1", NULL));
  g_free (ok_cli ("stakeholder-add", f->project, "Tourists", "--power", "1", "--interest", "1",
                  NULL));
}

static xmlXPathObjectPtr
eval (xmlXPathContextPtr  ctx,
      const char         *expression)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expression, ctx);

  g_assert_nonnull (result);
  return result;
}

static guint
count (xmlXPathContextPtr  ctx,
       const char         *expression)
{
  xmlXPathObjectPtr result = eval (ctx, expression);
  guint n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

static double
number (xmlXPathContextPtr  ctx,
        const char         *expression)
{
  xmlXPathObjectPtr result = eval (ctx, expression);
  double value = xmlXPathCastToNumber (result);

  xmlXPathFreeObject (result);
  g_assert_false (isnan (value));
  return value;
}

static xmlDocPtr
read_svg (const char          *path,
          xmlXPathContextPtr  *ctx)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);

  g_assert_nonnull (doc);
  *ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (*ctx, (const xmlChar *) "s", (const xmlChar *) "http://www.w3.org/2000/svg");
  return doc;
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *svg_path = g_build_filename (f->dir, "grid.svg", NULL);
  g_autofree char *out = NULL;
  xmlXPathContextPtr ctx;
  xmlDocPtr doc;
  double union_x, union_y, board_x, board_y;

  add_stakeholders (f);
  out = ok_cli ("grid", f->project, "-o", svg_path, NULL);
  g_assert_cmpstr (out, ==, "");

  doc = read_svg (svg_path, &ctx);
  g_assert_cmpuint (count (ctx, "/s:svg[@width='900' and @height='700']"), ==, 1);
  /* The project's title, escaped, in the picture's own title. */
  g_assert_cmpuint (count (ctx, "/s:svg/s:title[.='Power and interest: Ferry <dispute> & co']"),
                    ==, 1);
  /* One dot per stakeholder, each in a group titled with its description. */
  g_assert_cmpuint (count (ctx, "//s:g[@class='stakeholder']"), ==, 3);
  g_assert_cmpuint (count (ctx, "//s:g[@class='stakeholder']/s:circle"), ==, 3);
  g_assert_cmpuint (count (ctx, "//s:g[@class='stakeholder']/s:title"
                                "[starts-with(., 'Harbour Board: Key players (power 5, interest 4), For')]"),
                    ==, 1);
  g_assert_cmpuint (count (ctx, "//s:g[@class='stakeholder']/s:text[.='Ferry Workers’ Union']"), ==, 1);
  g_assert_cmpuint (count (ctx, "//s:g[@class='stakeholder']/s:text[.='Tourists']"), ==, 1);
  /* No evidence: every dot is hollow, drawn in its stance's colour. */
  g_assert_cmpuint (count (ctx, "//s:g[@class='stakeholder']/s:circle[@fill='#ffffff']"), ==, 3);
  g_assert_cmpuint (count (ctx, "//s:g[@class='stakeholder']/s:circle[@stroke='#c01c28']"), ==, 1);
  /* The quadrants and the legend. */
  g_assert_cmpuint (count (ctx, "//s:text[.='Key players']"), ==, 1);
  g_assert_cmpuint (count (ctx, "//s:text[.='Monitor']"), ==, 1);
  g_assert_cmpuint (count (ctx, "//s:g[@class='legend']/s:text[.='Strongly against']"), ==, 1);

  /* More power is higher, more interest further right. */
  board_x = number (ctx, "string(//s:g[s:text='Harbour Board']/s:circle/@cx)");
  board_y = number (ctx, "string(//s:g[s:text='Harbour Board']/s:circle/@cy)");
  union_x = number (ctx, "string(//s:g[s:text='Ferry Workers’ Union']/s:circle/@cx)");
  union_y = number (ctx, "string(//s:g[s:text='Ferry Workers’ Union']/s:circle/@cy)");
  g_assert_cmpfloat (board_y, <, union_y);
  g_assert_cmpfloat (union_x, >, board_x);

  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

/* Evidence for both ratings fills the dot and makes it larger. */
static void
test_svg_evidence (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (f->dir, "a.txt", NULL);
  g_autofree char *svg_path = g_build_filename (f->dir, "grid.svg", NULL);
  g_autofree char *h1 = NULL;
  g_autofree char *h2 = NULL;
  xmlXPathContextPtr ctx;
  xmlDocPtr doc;

  add_stakeholders (f);
  g_assert_true (g_file_set_contents (text_path, "The Harbour Board sets the fares.\n\n"
                                      "The Harbour Board wants the new pier.\n", -1, NULL));
  g_free (ok_cli ("import", f->project, text_path, NULL));
  g_free (ok_cli ("tag-add", f->project, "Board", NULL));
  h1 = ok_cli ("highlight", f->project, "1", "0", "10", "--tag", "Board", NULL);
  h2 = ok_cli ("highlight", f->project, "1", "12", "20", "--tag", "Board", NULL);
  g_strstrip (h1);
  g_strstrip (h2);
  g_free (ok_cli ("evidence-add", f->project, h1, "--stakeholder", "Harbour Board", "--role", "power",
                  NULL));
  g_free (ok_cli ("evidence-add", f->project, h2, "--stakeholder", "Harbour Board", "--role",
                  "interest", NULL));
  g_free (ok_cli ("grid", f->project, "-o", svg_path, NULL));

  doc = read_svg (svg_path, &ctx);
  g_assert_cmpuint (count (ctx, "//s:g[s:text='Harbour Board']/s:circle[@fill='#62a0ea']"), ==, 1);
  g_assert_cmpuint (count (ctx, "//s:g[s:text='Tourists']/s:circle[@fill='#ffffff']"), ==, 1);
  g_assert_cmpfloat (number (ctx, "string(//s:g[s:text='Harbour Board']/s:circle/@r)"), >,
                     number (ctx, "string(//s:g[s:text='Tourists']/s:circle/@r)") + 1);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

static void
assert_png_size (const char *path,
                 guint32     width,
                 guint32     height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *data = NULL;
  gsize length;
  guint32 w, h;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 33);
  g_assert_cmpmem (data, sizeof signature, signature, sizeof signature);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  memcpy (&w, data + 16, 4);
  memcpy (&h, data + 20, 4);
  g_assert_cmpuint (GUINT32_FROM_BE (w), ==, width);
  g_assert_cmpuint (GUINT32_FROM_BE (h), ==, height);
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *png_path = g_build_filename (f->dir, "grid.png", NULL);
  g_autofree char *other = g_build_filename (f->dir, "grid.image", NULL);

  add_stakeholders (f);
  g_free (ok_cli ("grid", f->project, "-o", png_path, NULL));
  assert_png_size (png_path, 900, 700);
  g_free (ok_cli ("grid", f->project, "--output", png_path, "--width", "640", "--height", "480",
                  NULL));
  assert_png_size (png_path, 640, 480);
  /* Any name with --format. */
  g_free (ok_cli ("grid", f->project, "-o", other, "--format", "PNG", "-W", "300", "-H", "1200",
                  NULL));
  assert_png_size (other, 300, 1200);
}

/* An empty project draws an empty grid; "-o -" writes to standard output. */
static void
test_empty_to_stdout (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *svg = ok_cli ("grid", f->project, "-o", "-", "--format", "svg", NULL);
  xmlDocPtr doc = xmlReadMemory (svg, strlen (svg), "grid.svg", NULL, XML_PARSE_NONET);
  xmlXPathContextPtr ctx;

  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, (const xmlChar *) "s", (const xmlChar *) "http://www.w3.org/2000/svg");
  g_assert_cmpuint (count (ctx, "//s:g[@class='stakeholder']"), ==, 0);
  g_assert_cmpuint (count (ctx, "/s:svg/s:desc[.='No stakeholders yet.']"), ==, 1);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

static void
expect_failure (int         status,
                const char *needle,
                const char *first,
                ...) G_GNUC_NULL_TERMINATED;

static void
expect_failure (int         status,
                const char *needle,
                const char *first,
                ...)
{
  g_auto(TestRun) run = { 0 };
  const char *args[10] = { NULL };
  va_list ap;
  guint n = 0;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (args) - 1);
      args[n++] = a;
    }
  va_end (ap);
  test_run_cli (&run, "grid", args[0], args[1], args[2], args[3], args[4], args[5], args[6],
                args[7], args[8], NULL);
  g_assert_cmpint (run.status, ==, status);
  g_assert_true (g_str_has_prefix (run.err, "dossier-cli: grid: "));
  if (strstr (run.err, needle) == NULL)
    g_error ("stderr does not mention “%s”: %s", needle, run.err);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *txt = g_build_filename (f->dir, "grid.txt", NULL);
  g_autofree char *keep = g_build_filename (f->dir, "keep.svg", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "grid.svg", NULL);
  g_autofree char *absent = g_build_filename (f->dir, "absent.dossier", NULL);
  g_autofree char *kept = NULL;

  add_stakeholders (f);
  expect_failure (2, "-o FILE", f->project, NULL);
  expect_failure (2, ".svg or .png", f->project, "-o", txt, NULL);
  expect_failure (2, "unknown format “gif”", f->project, "-o", txt, "--format", "gif", NULL);
  expect_failure (2, "--width and --height", f->project, "-o", keep, "--width", "10", NULL);
  expect_failure (2, "--width and --height", f->project, "-o", keep, "--height", "100000", NULL);
  expect_failure (2, "PROJECT", "-o", keep, NULL);
  expect_failure (1, "absent.dossier", absent, "-o", keep, NULL);
  expect_failure (1, "Cannot write", f->project, "-o", missing, NULL);
  expect_failure (1, "it is a folder", f->project, "-o", f->dir, "--format", "svg", NULL);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  /* A read-only picture is left as it was. */
  g_assert_true (g_file_set_contents (keep, "mine", -1, NULL));
  g_assert_cmpint (g_chmod (keep, 0444), ==, 0);
  if (access (keep, W_OK) != 0)
    {
      expect_failure (1, "read-only", f->project, "-o", keep, NULL);
      g_assert_true (g_file_get_contents (keep, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, "mine");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DOSSIER_CLI") == NULL)
    {
      g_test_message ("DOSSIER_CLI is not set; run through meson test");
      return 77;
    }

#define ADD(name, func) \
  g_test_add ("/dossier/cli-grid/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("svg", test_svg);
  ADD ("svg-evidence", test_svg_evidence);
  ADD ("png", test_png);
  ADD ("empty-to-stdout", test_empty_to_stdout);
  ADD ("bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}
