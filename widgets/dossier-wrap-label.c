/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-wrap-label.c — a short paragraph of plain text, wrapped to its
 * width, that lays its text out once per width.
 *
 * GTK 4.8's GtkLabel lays a wrapping text out again for every question a
 * list asks of it: its minimum width (the text broken at width-chars,
 * every line shaped again by Pango 1.50), its natural width, its height
 * for each width, then its allocation and drawing (each a copy of the
 * layout, shaped anew). In the Pros & Cons panel that was three quarters
 * of the time to open it (bench-arguments). Here the minimum width comes
 * from the font's metrics, the natural width from one unwrapped layout,
 * and one layout per width answers both the height asked for and the
 * drawing at that width. */

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "dossier-wrap-label.h"

/* The most of its text a label lays out, in bytes: a longer one (only a
 * project file made by hand holds one, a name of a megabyte) is cut at a
 * character's start and ends in "…", since Pango's time to wrap one
 * paragraph grows faster than its length (a 1 MB name kept the window
 * from opening). */
#define MAX_SHOWN 16384

/* Heights kept for the last widths asked: a list measures a row at its
 * column's width, and again at a neighbouring one while it settles. */
#define N_CACHED 4

typedef struct
{
  int width;        /* in pixels; 0: unused */
  int height;
} CachedHeight;

struct _DossierWrapLabel
{
  GtkWidget     parent_instance;

  char         *text;
  int           width_chars;
  int           lines;        /* at most, the last one ellipsized; 0: no limit */

  PangoLayout  *layout;       /* wrapped at layout_width */
  int           layout_width; /* pixels; -1: unwrapped */
  guint         serial;       /* of the widget's Pango context when laid out */
  int           natural;      /* unwrapped width; -1: not known yet */
  int           minimum;      /* from the font's metrics; -1: not known yet */
  CachedHeight  heights[N_CACHED];
  guint         next_cached;
};

G_DEFINE_FINAL_TYPE (DossierWrapLabel, dossier_wrap_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_WIDTH_CHARS,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_sizes (DossierWrapLabel *self)
{
  self->natural = -1;
  self->minimum = -1;
  memset (self->heights, 0, sizeof self->heights);
  self->next_cached = 0;
  self->layout_width = G_MININT;
}

/* What the label shows of its text: all of it, or its first MAX_SHOWN
 * bytes and an ellipsis. */
static char *
shown_text (const char *text)
{
  gsize end = MAX_SHOWN;

  if (text == NULL)
    return g_strdup ("");
  if (strlen (text) <= MAX_SHOWN)
    return g_strdup (text);
  while (end > 0 && (text[end] & 0xc0) == 0x80)
    end--;
  return g_strdup_printf ("%.*s…", (int) end, text);
}

static void
set_layout_text (DossierWrapLabel *self)
{
  g_autofree char *shown = shown_text (self->text);

  pango_layout_set_text (self->layout, shown, -1);
}

/* The layout, current with the widget's font (CSS, settings, direction:
 * all of them change its Pango context's serial). */
static PangoLayout *
get_layout (DossierWrapLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      /* A negative height is a number of lines, for an ellipsized layout. */
      pango_layout_set_ellipsize (self->layout, self->lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (self->layout, self->lines > 0 ? -self->lines : -1);
      set_layout_text (self);
      self->serial = pango_context_get_serial (context);
      forget_sizes (self);
    }
  else if (self->serial != pango_context_get_serial (context))
    {
      pango_layout_context_changed (self->layout);
      self->serial = pango_context_get_serial (context);
      forget_sizes (self);
    }
  return self->layout;
}

/* The layout wrapped at @width pixels (-1: not wrapped). */
static PangoLayout *
layout_at (DossierWrapLabel *self,
           int               width)
{
  PangoLayout *layout = get_layout (self);

  if (self->layout_width != width)
    {
      pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
      self->layout_width = width;
    }
  return layout;
}

/* The approximate character width of @context's font, in Pango units.
 * Asking Pango for a context's metrics shapes a sample text each time
 * (each widget has its own context): the widths are kept per font,
 * language and resolution, which is all they depend on. */
static int
char_width (PangoContext *context)
{
  static GHashTable *widths;   /* "font|language|dpi" → width */
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autofree char *font_name = pango_font_description_to_string (font);
  g_autofree char *key = g_strdup_printf ("%s|%s|%g", font_name,
                                          pango_language_to_string (pango_context_get_language (context)),
                                          pango_cairo_context_get_resolution (context));
  gpointer cached;
  PangoFontMetrics *metrics;
  int width;

  if (widths == NULL)
    widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (widths, key, NULL, &cached))
    return GPOINTER_TO_INT (cached);

  metrics = pango_context_get_metrics (context, NULL, NULL);
  width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
               pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  /* A few fonts in a session; settings changed often would not grow it far. */
  if (g_hash_table_size (widths) > 64)
    g_hash_table_remove_all (widths);
  g_hash_table_insert (widths, g_steal_pointer (&key), GINT_TO_POINTER (width));
  return width;
}

static int
minimum_width (DossierWrapLabel *self)
{
  get_layout (self);
  if (self->minimum < 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

      /* As GtkLabel counts width-chars. */
      self->minimum = PANGO_PIXELS_CEIL (char_width (context) * MAX (self->width_chars, 1));
    }
  return self->minimum;
}

static int
natural_width (DossierWrapLabel *self)
{
  get_layout (self);
  if (self->natural < 0)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout_at (self, -1), NULL, &logical);
      self->natural = logical.width;
    }
  return self->natural;
}

static int
height_for_width (DossierWrapLabel *self,
                  int               width)
{
  PangoRectangle logical;

  get_layout (self);
  for (guint i = 0; i < N_CACHED; i++)
    if (self->heights[i].width == width)
      return self->heights[i].height;

  pango_layout_get_pixel_extents (layout_at (self, width), NULL, &logical);
  self->heights[self->next_cached] = (CachedHeight) { width, logical.height };
  self->next_cached = (self->next_cached + 1) % N_CACHED;
  return logical.height;
}

static GtkSizeRequestMode
dossier_wrap_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_wrap_label_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  DossierWrapLabel *self = DOSSIER_WRAP_LABEL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = minimum_width (self);
      *natural = MAX (*minimum, natural_width (self));
    }
  else
    {
      /* At no width given: as narrow as it gets, so as tall. */
      int width = for_size < 0 ? minimum_width (self) : MAX (for_size, 1);

      *minimum = *natural = height_for_width (self, width);
    }
}

static void
dossier_wrap_label_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  DossierWrapLabel *self = DOSSIER_WRAP_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, layout_at (self, width), &color);
}

static void
dossier_wrap_label_finalize (GObject *object)
{
  DossierWrapLabel *self = DOSSIER_WRAP_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (dossier_wrap_label_parent_class)->finalize (object);
}

static void
dossier_wrap_label_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierWrapLabel *self = DOSSIER_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, dossier_wrap_label_get_text (self));
      break;
    case PROP_WIDTH_CHARS:
      g_value_set_int (value, self->width_chars);
      break;
    case PROP_LINES:
      g_value_set_int (value, self->lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_wrap_label_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierWrapLabel *self = DOSSIER_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      dossier_wrap_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_WIDTH_CHARS:
      if (self->width_chars != g_value_get_int (value))
        {
          self->width_chars = g_value_get_int (value);
          self->minimum = -1;
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LINES:
      if (self->lines != g_value_get_int (value))
        {
          self->lines = g_value_get_int (value);
          /* Laid out anew, with the limit. */
          g_clear_object (&self->layout);
          forget_sizes (self);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_wrap_label_class_init (DossierWrapLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dossier_wrap_label_finalize;
  object_class->get_property = dossier_wrap_label_get_property;
  object_class->set_property = dossier_wrap_label_set_property;
  widget_class->get_request_mode = dossier_wrap_label_get_request_mode;
  widget_class->measure = dossier_wrap_label_measure;
  widget_class->snapshot = dossier_wrap_label_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The narrowest it goes, in average characters, as GtkLabel's. */
  properties[PROP_WIDTH_CHARS] =
    g_param_spec_int ("width-chars", NULL, NULL, 1, G_MAXINT, 12,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The most lines it takes, the last ending in an ellipsis where the
   * text goes on; 0 takes as many as the text needs. */
  properties[PROP_LINES] =
    g_param_spec_int ("lines", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
dossier_wrap_label_init (DossierWrapLabel *self)
{
  self->width_chars = 12;
  self->text = g_strdup ("");
  forget_sizes (self);
}

GtkWidget *
dossier_wrap_label_new (const char *text)
{
  return g_object_new (DOSSIER_TYPE_WRAP_LABEL, "text", text, NULL);
}

const char *
dossier_wrap_label_get_text (DossierWrapLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_WRAP_LABEL (self), NULL);

  return self->text;
}

void
dossier_wrap_label_set_text (DossierWrapLabel *self,
                             const char       *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (DOSSIER_IS_WRAP_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    set_layout_text (self);
  forget_sizes (self);
  /* Read as the text it shows. */
  shown = shown_text (self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
dossier_wrap_label_get_ellipsized (DossierWrapLabel *self)
{
  int width;

  g_return_val_if_fail (DOSSIER_IS_WRAP_LABEL (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (self->lines <= 0 || width <= 0)
    return FALSE;
  return pango_layout_is_ellipsized (layout_at (self, width));
}
