/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-markdown.c — the Markdown subset of briefing notes: what each
 * construct parses to, where every node lies in the source (code points),
 * citations, escaping, and that no input can break the tree's shape. */

#include "config.h"

#include <string.h>

#include <dossier/dossier.h>

#define UUID_A "0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a01"
#define UUID_B "9F2E4C10-1B2A-4C3D-8E9F-A0B1C2D3E4F5"

static void
dump (GString             *out,
      DossierMarkdownNode *node)
{
  static const char * const names[] = {
    "doc", "h", "p", "list", "li", "quote", "hr",
    "text", "em", "strong", "code", "a", "cite", "br",
  };

  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_TEXT:
      g_string_append_printf (out, "\"%s\"", node->text);
      return;
    case DOSSIER_MARKDOWN_CODE:
      g_string_append_printf (out, "(code \"%s\")", node->text);
      return;
    case DOSSIER_MARKDOWN_CITATION:
      g_string_append_printf (out, "(cite %s)", node->uuid);
      return;
    default:
      break;
    }

  g_string_append_printf (out, "(%s", names[node->kind]);
  if (node->kind == DOSSIER_MARKDOWN_HEADING)
    g_string_append_printf (out, "%u", node->level);
  if (node->kind == DOSSIER_MARKDOWN_LIST)
    {
      if (node->ordered)
        g_string_append_printf (out, " ol@%u", node->number);
      else
        g_string_append (out, " ul");
    }
  if (node->kind == DOSSIER_MARKDOWN_LINK)
    g_string_append_printf (out, " <%s>", node->url);
  if (node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      {
        g_string_append_c (out, ' ');
        dump (out, g_ptr_array_index (node->children, i));
      }
  g_string_append_c (out, ')');
}

/* Every node lies inside its parent, its content inside itself, children
 * in order without overlap. */
static void
assert_shape (DossierMarkdownNode *node,
              gint64               length)
{
  gint64 previous_end;

  g_assert_cmpint (node->start, >=, 0);
  g_assert_cmpint (node->end, <=, length);
  g_assert_cmpint (node->start, <=, node->inner_start);
  g_assert_cmpint (node->inner_start, <=, node->inner_end);
  g_assert_cmpint (node->inner_end, <=, node->end);
  if (node->parent != NULL)
    {
      g_assert_cmpint (node->start, >=, node->parent->start);
      g_assert_cmpint (node->end, <=, node->parent->end);
    }
  if (dossier_markdown_kind_is_inline (node->kind) && node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      g_assert_true (dossier_markdown_kind_is_inline (
                       ((DossierMarkdownNode *) g_ptr_array_index (node->children, i))->kind));

  if (node->children == NULL)
    return;
  previous_end = node->start;
  for (guint i = 0; i < node->children->len; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      g_assert_true (child->parent == node);
      g_assert_cmpint (child->start, >=, previous_end);
      assert_shape (child, length);
      previous_end = child->end;
    }
}

static char *
parse_dump (const char *source)
{
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (source);
  GString *out = g_string_new (NULL);

  assert_shape (root, g_utf8_strlen (source, -1));
  for (guint i = 0; root->children != NULL && i < root->children->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      dump (out, g_ptr_array_index (root->children, i));
    }
  return g_string_free (out, FALSE);
}

static void
assert_parses (const char *source,
               const char *expected)
{
  g_autofree char *got = parse_dump (source);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("%s\n  parsed as: %s\n  expected:  %s", source, got, expected);
}

/* The source text a node spans. */
static char *
source_of (const char          *source,
           DossierMarkdownNode *node,
           gboolean             inner)
{
  return g_utf8_substring (source, inner ? node->inner_start : node->start,
                           inner ? node->inner_end : node->end);
}

static void
test_headings (void)
{
  assert_parses ("# Title", "(h1 \"Title\")");
  assert_parses ("### Three ###", "(h3 \"Three\")");
  assert_parses ("###### Six", "(h6 \"Six\")");
  assert_parses ("####### Seven", "(p \"####### Seven\")");
  assert_parses ("#hashtag", "(p \"#hashtag\")");
  assert_parses ("## C# and F#", "(h2 \"C# and F#\")");
  assert_parses ("#", "(h1)");
  assert_parses ("# Costs\ntext", "(h1 \"Costs\") (p \"text\")");
  assert_parses ("   # Indented", "(h1 \"Indented\")");
  assert_parses ("## *Who* pays", "(h2 (em \"Who\") \" pays\")");
}

static void
test_paragraphs (void)
{
  assert_parses ("one\ntwo\n\nthree", "(p \"one two\") (p \"three\")");
  assert_parses ("one  \ntwo", "(p \"one\" (br) \"two\")");
  assert_parses ("one\\\ntwo", "(p \"one\" (br) \"two\")");
  assert_parses ("  lead spaces\n   continue", "(p \"lead spaces continue\")");
  assert_parses ("trailing   ", "(p \"trailing\")");
  assert_parses ("one\r\ntwo\r\n", "(p \"one two\")");
  assert_parses ("\n\n\n", "");
  assert_parses ("", "");
  assert_parses ("a\n---\nb", "(p \"a\") (hr) (p \"b\")");
  assert_parses ("* * *", "(hr)");
}

static void
test_lists (void)
{
  assert_parses ("- a\n- b", "(list ul (li \"a\") (li \"b\"))");
  assert_parses ("* a\n* b\n+ c", "(list ul (li \"a\") (li \"b\")) (list ul (li \"c\"))");
  assert_parses ("3. c\n4. d", "(list ol@3 (li \"c\") (li \"d\"))");
  assert_parses ("1) a\n2) b", "(list ol@1 (li \"a\") (li \"b\"))");
  assert_parses ("- a\n  - a1\n  - a2\n- b",
                 "(list ul (li \"a\" (list ul (li \"a1\") (li \"a2\"))) (li \"b\"))");
  assert_parses ("- a\n  1. one\n  2. two\n- b",
                 "(list ul (li \"a\" (list ol@1 (li \"one\") (li \"two\"))) (li \"b\"))");
  /* A line without a marker continues the item; a blank line between
   * items keeps the list; a blank line and text end it. */
  assert_parses ("- long item\ngoes on\n- next", "(list ul (li \"long item goes on\") (li \"next\"))");
  assert_parses ("- a\n\n- b", "(list ul (li \"a\") (li \"b\"))");
  assert_parses ("- a\n\nafter", "(list ul (li \"a\")) (p \"after\")");
  assert_parses ("-not a list", "(p \"-not a list\")");
  assert_parses ("Text\n- item", "(p \"Text\") (list ul (li \"item\"))");
  /* A number in running text does not start a list, unless it is 1. */
  assert_parses ("The vote was in\n2025. The plan", "(p \"The vote was in 2025. The plan\")");
  assert_parses ("- ", "(list ul (li))");
  assert_parses ("- **Pros:** cheaper", "(list ul (li (strong \"Pros:\") \" cheaper\"))");
}

static void
test_quotes (void)
{
  assert_parses ("> quoted\n> on two lines", "(quote (p \"quoted on two lines\"))");
  assert_parses ("> a\n\n> b", "(quote (p \"a\")) (quote (p \"b\"))");
  assert_parses (">no space", "(quote (p \"no space\"))");
  assert_parses ("> a\nlazy", "(quote (p \"a lazy\"))");
}

static void
test_emphasis (void)
{
  assert_parses ("*a* and _b_", "(p (em \"a\") \" and \" (em \"b\"))");
  assert_parses ("**strong** __too__", "(p (strong \"strong\") \" \" (strong \"too\"))");
  assert_parses ("***both***", "(p (em (strong \"both\")))");
  assert_parses ("**bold *and em* inside**",
                 "(p (strong \"bold \" (em \"and em\") \" inside\"))");
  assert_parses ("snake_case_name", "(p \"snake_case_name\")");
  assert_parses ("a * b * c", "(p \"a * b * c\")");
  assert_parses ("*unclosed", "(p \"*unclosed\")");
  assert_parses ("**a*", "(p \"*\" (em \"a\"))");
  assert_parses ("*a**", "(p (em \"a\") \"*\")");
  assert_parses ("*(a)*", "(p (em \"(a)\"))");
  assert_parses ("£*72*m", "(p \"£\" (em \"72\") \"m\")");
  assert_parses ("*one\ntwo*", "(p (em \"one two\"))");
  assert_parses ("_«accents»_ é*é*", "(p (em \"«accents»\") \" é\" (em \"é\"))");
}

static void
test_code_and_escapes (void)
{
  assert_parses ("`*not em*`", "(p (code \"*not em*\"))");
  assert_parses ("`` a ` b ``", "(p (code \"a ` b\"))");
  assert_parses ("` `", "(p (code \" \"))");
  assert_parses ("`unclosed", "(p \"`unclosed\")");
  assert_parses ("\\*not em\\*", "(p \"*not em*\")");
  assert_parses ("\\# not a heading", "(p \"# not a heading\")");
  assert_parses ("\\a stays", "(p \"\\a stays\")");
  assert_parses ("`[@" UUID_A "]`", "(p (code \"[@" UUID_A "]\"))");
}

static void
test_links (void)
{
  assert_parses ("[the trust](https://calderheritage.example/x)",
                 "(p (a <https://calderheritage.example/x> \"the trust\"))");
  assert_parses ("[*em* link](http://a.example \"title\")",
                 "(p (a <http://a.example> (em \"em\") \" link\"))");
  assert_parses ("[a](<with space>)", "(p (a <with space> \"a\"))");
  assert_parses ("[a](x(y)z)", "(p (a <x(y)z> \"a\"))");
  assert_parses ("[no link] here", "(p \"[no link] here\")");
  assert_parses ("[broken](", "(p \"[broken](\")");
  assert_parses ("<https://a.example/p?q=1>", "(p (a <https://a.example/p?q=1> \"https://a.example/p?q=1\"))");
  assert_parses ("<not a link>", "(p \"<not a link>\")");
  assert_parses ("[js](javascript:alert(1))", "(p (a <javascript:alert(1)> \"js\"))");

  g_assert_true (dossier_markdown_url_is_safe ("https://a.example"));
  g_assert_true (dossier_markdown_url_is_safe ("HTTP://A.EXAMPLE"));
  g_assert_true (dossier_markdown_url_is_safe ("mailto:desk@example.org"));
  g_assert_false (dossier_markdown_url_is_safe ("javascript:alert(1)"));
  g_assert_false (dossier_markdown_url_is_safe ("data:text/html,<script>"));
  g_assert_false (dossier_markdown_url_is_safe ("file:///etc/passwd"));
  g_assert_false (dossier_markdown_url_is_safe ("/relative"));
  g_assert_false (dossier_markdown_url_is_safe (NULL));
}

static void
test_citations (void)
{
  g_autoptr(DossierMarkdownNode) root = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  const char *source;

  assert_parses ("Costs rose.[@" UUID_A "]",
                 "(p \"Costs rose.\" (cite " UUID_A "))");
  assert_parses ("[@" UUID_A "][@" UUID_B "]",
                 "(p (cite " UUID_A ") (cite " UUID_B "))");
  assert_parses ("*cited [@" UUID_A "]*", "(p (em \"cited \" (cite " UUID_A ")))");
  assert_parses ("## Costs [@" UUID_A "]", "(h2 \"Costs \" (cite " UUID_A "))");
  assert_parses ("- item [@" UUID_A "]", "(list ul (li \"item \" (cite " UUID_A ")))");
  /* Not citations: a short or malformed key, a group, a link's text. */
  assert_parses ("[@0c5bd1de]", "(p \"[@0c5bd1de]\")");
  assert_parses ("[@0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a0g]",
                 "(p \"[@0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a0g]\")");
  assert_parses ("[@" UUID_A "; @" UUID_B "]",
                 "(p \"[@" UUID_A "; @" UUID_B "]\")");
  assert_parses ("[see @smith]", "(p \"[see @smith]\")");
  assert_parses ("[[@" UUID_A "]](https://x.example)",
                 "(p (a <https://x.example> \"[@" UUID_A "]\"))");
  assert_parses ("\\[@" UUID_A "]", "(p \"[@" UUID_A "]\")");

  /* Offsets are code points, whatever comes before. */
  source = "# Émissions 🚋\n\n周美林 said “yes” [@" UUID_A "] and more[@" UUID_B "].";
  root = dossier_markdown_parse (source);
  citations = dossier_markdown_collect_citations (root);
  g_assert_cmpuint (citations->len, ==, 2);
  {
    DossierMarkdownNode *a = g_ptr_array_index (citations, 0);
    DossierMarkdownNode *b = g_ptr_array_index (citations, 1);
    g_autofree char *a_source = source_of (source, a, FALSE);
    g_autofree char *a_inner = source_of (source, a, TRUE);
    g_autofree char *b_source = source_of (source, b, FALSE);

    g_assert_cmpstr (a->uuid, ==, UUID_A);
    g_assert_cmpstr (a_source, ==, "[@" UUID_A "]");
    g_assert_cmpstr (a_inner, ==, UUID_A);
    g_assert_cmpint (a->start, ==, g_utf8_pointer_to_offset (source, strstr (source, "[@")));
    g_assert_cmpstr (b->uuid, ==, UUID_B);
    g_assert_cmpstr (b_source, ==, "[@" UUID_B "]");
  }

  g_assert_true (dossier_markdown_is_uuid (UUID_A));
  g_assert_true (dossier_markdown_is_uuid (UUID_B));
  g_assert_false (dossier_markdown_is_uuid ("0c5bd1de7a3c4f0e9a552d7b1f4e8a01"));
  g_assert_false (dossier_markdown_is_uuid ("0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a011"));
  g_assert_false (dossier_markdown_is_uuid ("0c5bd1de-7a3c-4f0e-9a552-d7b1f4e8a01"));
  g_assert_false (dossier_markdown_is_uuid (""));
  g_assert_false (dossier_markdown_is_uuid (NULL));
}

/* Where each node's markup and content are: what the editor styles. */
static void
test_offsets (void)
{
  const char *source = "## Who *pays*\n\n- **£72m** from [the fund](https://f.example)\n";
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (source);
  DossierMarkdownNode *heading = g_ptr_array_index (root->children, 0);
  DossierMarkdownNode *list = g_ptr_array_index (root->children, 1);
  DossierMarkdownNode *item = g_ptr_array_index (list->children, 0);
  DossierMarkdownNode *em = g_ptr_array_index (heading->children, 1);
  DossierMarkdownNode *strong = g_ptr_array_index (item->children, 0);
  DossierMarkdownNode *link = g_ptr_array_index (item->children, 2);
  struct { DossierMarkdownNode *node; const char *whole; const char *inner; } cases[] = {
    { heading, "## Who *pays*", "Who *pays*" },
    { em, "*pays*", "pays" },
    { item, "- **£72m** from [the fund](https://f.example)", "**£72m** from [the fund](https://f.example)" },
    { strong, "**£72m**", "£72m" },
    { link, "[the fund](https://f.example)", "the fund" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *whole = source_of (source, cases[i].node, FALSE);
      g_autofree char *inner = source_of (source, cases[i].node, TRUE);

      g_assert_cmpstr (whole, ==, cases[i].whole);
      g_assert_cmpstr (inner, ==, cases[i].inner);
    }

  {
    g_autofree char *text = dossier_markdown_node_get_text (heading);

    g_assert_cmpstr (text, ==, "Who pays");
  }
}

static void
test_escape (void)
{
  const char *texts[] = {
    "plain words",
    "*stars* and _underscores_ and `ticks`",
    "# not a heading",
    "- not an item",
    "2024. not a number",
    "[@" UUID_A "] not a citation",
    "a [link](https://x.example) as text",
    "<b>tags</b> & entities &amp;",
    "back\\slash",
    "line one\n# line two\n- line three",
    "£72m — “quoted” 周美林 🚋",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *escaped = dossier_markdown_escape (texts[i]);
      g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (escaped);
      g_autofree char *back = NULL;
      g_autofree char *expected = g_strdup (texts[i]);
      g_autoptr(GPtrArray) citations = dossier_markdown_collect_citations (root);

      /* Line breaks inside a paragraph read as spaces. */
      g_strdelimit (expected, "\n", ' ');
      if (root->children != NULL && root->children->len == 1)
        {
          DossierMarkdownNode *para = g_ptr_array_index (root->children, 0);

          g_assert_cmpint (para->kind, ==, DOSSIER_MARKDOWN_PARAGRAPH);
          for (guint k = 0; para->children != NULL && k < para->children->len; k++)
            g_assert_cmpint (((DossierMarkdownNode *) g_ptr_array_index (para->children, k))->kind,
                             ==, DOSSIER_MARKDOWN_TEXT);
        }
      else
        g_error ("“%s” escaped as “%s” is not one paragraph", texts[i], escaped);
      back = dossier_markdown_node_get_text (root);
      g_assert_cmpstr (back, ==, expected);
      g_assert_cmpuint (citations->len, ==, 0);
    }
}

/* Whatever the input, the tree keeps its shape and nothing crashes. */
static void
test_garbage (void)
{
  static const char alphabet[] = "*_`[]()<>#-+>!\\@ \n\n1.)a";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251113);

  for (guint round = 0; round < 3000; round++)
    {
      GString *s = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 0, 80);
      g_autoptr(DossierMarkdownNode) root = NULL;

      for (guint k = 0; k < len; k++)
        {
          if (g_rand_int_range (rand, 0, 20) == 0)
            g_string_append (s, "[@" UUID_A "]");
          else if (g_rand_int_range (rand, 0, 25) == 0)
            g_string_append (s, "é");
          else
            g_string_append_c (s, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
        }
      root = dossier_markdown_parse (s->str);
      assert_shape (root, g_utf8_strlen (s->str, -1));
      g_string_free (s, TRUE);
    }

  /* Invalid UTF-8 is read as U+FFFD, not refused. */
  {
    g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse ("bad \xff byte");
    g_autofree char *text = dossier_markdown_node_get_text (root);

    g_assert_cmpstr (text, ==, "bad \xef\xbf\xbd byte");
  }

  /* Deep nesting costs no recursion on the stack per character. */
  {
    GString *s = g_string_new (NULL);
    g_autoptr(DossierMarkdownNode) root = NULL;

    for (guint k = 0; k < 20000; k++)
      g_string_append (s, "**[");
    root = dossier_markdown_parse (s->str);
    assert_shape (root, s->len);
    g_string_free (s, TRUE);
  }
}

static guint
tree_depth (DossierMarkdownNode *node)
{
  guint deepest = 0;

  /* Not MAX (deepest, tree_depth (…)): the macro would call it twice, and
   * twice at every level is exponential (minutes under ASan). */
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      guint depth = tree_depth (g_ptr_array_index (node->children, i));

      deepest = MAX (deepest, depth);
    }
  return deepest + 1;
}

/* How many LIST nodes lie on the way down to the deepest one. */
static guint
list_depth (DossierMarkdownNode *node)
{
  guint deepest = 0;

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      guint depth = list_depth (g_ptr_array_index (node->children, i));

      deepest = MAX (deepest, depth);
    }
  return deepest + (node->kind == DOSSIER_MARKDOWN_LIST ? 1 : 0);
}

static DossierMarkdownNode *
innermost_item (DossierMarkdownNode *node)
{
  while (node->children != NULL && node->children->len > 0)
    {
      DossierMarkdownNode *last = g_ptr_array_index (node->children, node->children->len - 1);

      if (dossier_markdown_kind_is_inline (last->kind))
        break;
      node = last;
    }
  return node;
}

/* A note from someone else may nest lists 2,000 deep or emphasis 10,000
 * deep: the parser honours DOSSIER_MARKDOWN_MAX_NESTING levels, and what
 * lies deeper is text, none of it lost. Every consumer walks the tree (the
 * Markdown export of 2,000 list levels took minutes, opening the note 23 s). */
static void
test_nesting_bounded (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(DossierMarkdownNode) root = NULL;
  g_autofree char *deepest = NULL;
  g_autofree char *text = NULL;

  for (guint k = 0; k < 2000; k++)
    g_string_append_printf (s, "%*s- item %u\n", (int) (2 * k), "", k);
  root = dossier_markdown_parse (s->str);
  assert_shape (root, s->len);
  g_assert_cmpuint (root->children->len, ==, 1);
  g_assert_cmpuint (list_depth (root), ==, DOSSIER_MARKDOWN_MAX_NESTING);
  /* The deeper items go on the innermost one, their markers as written. */
  deepest = dossier_markdown_node_get_text (innermost_item (root));
  g_assert_true (g_str_has_prefix (deepest, "item 15 - item 16 - item 17 "));
  g_assert_true (g_str_has_suffix (deepest, " - item 1999"));
  g_clear_pointer (&root, dossier_markdown_node_free);

  /* Just as deep as honoured: a list in each item, none as text. */
  assert_parses ("- a\n  - b\n    - c", "(list ul (li \"a\" (list ul (li \"b\" (list ul (li \"c\"))))))");

  /* Emphasis in emphasis, 10,000 deep: the innermost levels are emphasis,
   * the outer ones' delimiters text. */
  g_string_truncate (s, 0);
  for (guint k = 0; k < 5000; k++)
    g_string_append (s, "*a _b ");
  g_string_append (s, "core");
  for (guint k = 0; k < 5000; k++)
    g_string_append (s, " b_ a*");
  root = dossier_markdown_parse (s->str);
  assert_shape (root, s->len);
  /* The document, its paragraph, the emphases, the innermost text. */
  g_assert_cmpuint (tree_depth (root), ==, 2 + DOSSIER_MARKDOWN_MAX_NESTING + 1);
  text = dossier_markdown_node_get_text (root);
  g_assert_true (g_str_has_prefix (text, "*a _b *a _b "));
  g_assert_true (g_str_has_suffix (text, " b_ a* b_ a*"));
  g_assert_nonnull (strstr (text, "a b a b core b a b a"));
  g_clear_pointer (&root, dossier_markdown_node_free);

  /* Inside a link too. */
  g_string_truncate (s, 0);
  g_string_append (s, "[");
  for (guint k = 0; k < 100; k++)
    g_string_append (s, "*a _b ");
  g_string_append (s, "core");
  for (guint k = 0; k < 100; k++)
    g_string_append (s, " b_ a*");
  g_string_append (s, "](https://example.org/)");
  root = dossier_markdown_parse (s->str);
  assert_shape (root, s->len);
  g_assert_cmpuint (tree_depth (root), ==, 2 + DOSSIER_MARKDOWN_MAX_NESTING + 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/headings", test_headings);
  g_test_add_func ("/markdown/paragraphs", test_paragraphs);
  g_test_add_func ("/markdown/lists", test_lists);
  g_test_add_func ("/markdown/quotes", test_quotes);
  g_test_add_func ("/markdown/emphasis", test_emphasis);
  g_test_add_func ("/markdown/code-and-escapes", test_code_and_escapes);
  g_test_add_func ("/markdown/links", test_links);
  g_test_add_func ("/markdown/citations", test_citations);
  g_test_add_func ("/markdown/offsets", test_offsets);
  g_test_add_func ("/markdown/escape", test_escape);
  g_test_add_func ("/markdown/garbage", test_garbage);
  g_test_add_func ("/markdown/nesting-bounded", test_nesting_bounded);

  return g_test_run ();
}
