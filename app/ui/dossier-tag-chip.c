/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-chip.c — a tag shown as a small rounded label in its colour.
 *
 * One widget drawing its own PangoLayout, not a box around a GtkLabel: a
 * GTK 4.8 list view keeps up to 200 rows alive, so a highlights list
 * builds hundreds of chips at once, and a child label (its own CSS node,
 * measuring machinery and attributes) doubled their cost. The background
 * is painted in snapshot() rather than with a CSS provider per colour. The
 * text is black or white, whichever contrasts more with the tag colour,
 * so the chip stays readable on any colour, in light and dark mode alike.
 */

#include "config.h"

#include <math.h>

#include "dossier-tag-chip.h"
#include "dossier-ui-utils.h"

#define SWATCH_SIZE    12
#define PAD_X          7
#define PAD_Y          2
#define MAX_NAME_CHARS 24

struct _DossierTagChip
{
  GtkWidget    parent_instance;

  PangoLayout *layout;      /* NULL until measured; dropped on style changes */
  int          max_width;   /* of the name, in pixels: MAX_NAME_CHARS wide */
  char        *name;
  char        *color;
  GdkRGBA      rgba;
  GdkRGBA      text_rgba;
  gboolean     show_name;
};

G_DEFINE_FINAL_TYPE (DossierTagChip, dossier_tag_chip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TAG_NAME,
  PROP_COLOR,
  PROP_SHOW_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

gboolean
dossier_tag_chip_prefers_dark_text (const GdkRGBA *rgba)
{
  double luminance;

  g_return_val_if_fail (rgba != NULL, TRUE);

  luminance = 0.2126 * linear_channel (rgba->red)
            + 0.7152 * linear_channel (rgba->green)
            + 0.0722 * linear_channel (rgba->blue);

  /* Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05);
   * they are equal at L ≈ 0.179. */
  return luminance > 0.179;
}

static void
update_text_color (DossierTagChip *self)
{
  float v = dossier_tag_chip_prefers_dark_text (&self->rgba) ? 0.f : 1.f;

  self->text_rgba = (GdkRGBA) { v, v, v, 1.f };
}

static PangoLayout *
ensure_layout (DossierTagChip *self)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  PangoFontMetrics *metrics;

  if (self->layout != NULL)
    return self->layout;

  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->name ? self->name : "");
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  pango_layout_set_attributes (self->layout, attrs);
  pango_layout_set_single_paragraph_mode (self->layout, TRUE);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);

  metrics = pango_context_get_metrics (pango_layout_get_context (self->layout),
                                       pango_context_get_font_description (pango_layout_get_context (self->layout)),
                                       NULL);
  self->max_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics)
                                       * MAX_NAME_CHARS);
  pango_font_metrics_unref (metrics);

  return self->layout;
}

static void
drop_layout (DossierTagChip *self)
{
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
dossier_tag_chip_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  DossierTagChip *self = DOSSIER_TAG_CHIP (widget);
  PangoLayout *layout;
  int width, height;

  if (!self->show_name)
    {
      *minimum = *natural = SWATCH_SIZE;
      return;
    }

  layout = ensure_layout (self);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = MIN (width, self->max_width) + 2 * PAD_X;
      /* Room for about two letters and the ellipsis. */
      *minimum = MIN (*natural, 2 * height + 2 * PAD_X);
    }
  else
    {
      *minimum = *natural = height + 2 * PAD_Y;
    }
}

static void
dossier_tag_chip_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  DossierTagChip *self = DOSSIER_TAG_CHIP (widget);

  if (self->show_name)
    pango_layout_set_width (ensure_layout (self), MAX (0, width - 2 * PAD_X) * PANGO_SCALE);
}

static void
dossier_tag_chip_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dossier_tag_chip_parent_class)->css_changed (widget, change);

  /* The font may have changed; cheap to rebuild, rare to happen. */
  drop_layout (DOSSIER_TAG_CHIP (widget));
}

static void
dossier_tag_chip_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (dossier_tag_chip_parent_class)->system_setting_changed (widget, setting);

  drop_layout (DOSSIER_TAG_CHIP (widget));
}

static void
update_accessible (DossierTagChip *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->name ? self->name : "",
                                  -1);
}

static void
dossier_tag_chip_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DossierTagChip *self = DOSSIER_TAG_CHIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect rect;
  float radius;

  if (width <= 0 || height <= 0)
    return;

  radius = MIN (width, height) / 2.0f;
  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);

  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &self->rgba, &rect.bounds);
  gtk_snapshot_pop (snapshot);

  if (self->show_name)
    {
      PangoLayout *layout = ensure_layout (self);
      int text_width, text_height;

      /* A measure since the last allocation may have unset the width. */
      pango_layout_set_width (layout, MAX (0, width - 2 * PAD_X) * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PAD_X, (height - text_height) / 2.f));
      gtk_snapshot_append_layout (snapshot, layout, &self->text_rgba);
      gtk_snapshot_restore (snapshot);
    }
}

static void
dossier_tag_chip_finalize (GObject *object)
{
  DossierTagChip *self = DOSSIER_TAG_CHIP (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (dossier_tag_chip_parent_class)->finalize (object);
}

static void
dossier_tag_chip_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierTagChip *self = DOSSIER_TAG_CHIP (object);

  switch (prop_id)
    {
    case PROP_TAG_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_SHOW_NAME:
      g_value_set_boolean (value, self->show_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_tag_chip_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierTagChip *self = DOSSIER_TAG_CHIP (object);

  switch (prop_id)
    {
    case PROP_TAG_NAME:
      dossier_tag_chip_set_tag_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      dossier_tag_chip_set_color (self, g_value_get_string (value));
      break;
    case PROP_SHOW_NAME:
      dossier_tag_chip_set_show_name (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_tag_chip_class_init (DossierTagChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dossier_tag_chip_finalize;
  object_class->get_property = dossier_tag_chip_get_property;
  object_class->set_property = dossier_tag_chip_set_property;

  widget_class->measure = dossier_tag_chip_measure;
  widget_class->size_allocate = dossier_tag_chip_size_allocate;
  widget_class->snapshot = dossier_tag_chip_snapshot;
  widget_class->css_changed = dossier_tag_chip_css_changed;
  widget_class->system_setting_changed = dossier_tag_chip_system_setting_changed;

  properties[PROP_TAG_NAME] =
    g_param_spec_string ("tag-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NAME] =
    g_param_spec_boolean ("show-name", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tagchip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dossier_tag_chip_init (DossierTagChip *self)
{
  self->show_name = TRUE;
  gdk_rgba_parse (&self->rgba, "#9a9996");

  /* The name in the smaller caption font. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "caption");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  update_text_color (self);
}

GtkWidget *
dossier_tag_chip_new (const char *name,
                      const char *color)
{
  return g_object_new (DOSSIER_TYPE_TAG_CHIP,
                       "tag-name", name,
                       "color", color,
                       NULL);
}

GtkWidget *
dossier_tag_chip_new_swatch (const char *name,
                             const char *color)
{
  return g_object_new (DOSSIER_TYPE_TAG_CHIP,
                       "tag-name", name,
                       "color", color,
                       "show-name", FALSE,
                       NULL);
}

const char *
dossier_tag_chip_get_tag_name (DossierTagChip *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_CHIP (self), NULL);

  return self->name;
}

void
dossier_tag_chip_set_tag_name (DossierTagChip *self,
                               const char     *name)
{
  g_autofree char *shown = name != NULL ? dossier_shown_text (name) : NULL;

  g_return_if_fail (DOSSIER_IS_TAG_CHIP (self));

  /* Even ellipsized, a layout shapes its whole text. */
  if (dossier_set_str (&self->name, shown))
    {
      if (self->layout != NULL)
        pango_layout_set_text (self->layout, shown ? shown : "", -1);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      update_accessible (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_NAME]);
    }
}

const char *
dossier_tag_chip_get_color (DossierTagChip *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_CHIP (self), NULL);

  return self->color;
}

void
dossier_tag_chip_set_color (DossierTagChip *self,
                            const char     *color)
{
  g_return_if_fail (DOSSIER_IS_TAG_CHIP (self));

  if (!dossier_set_str (&self->color, color))
    return;

  /* An unparsable colour falls back to neutral grey rather than leaving
   * the previous tag's colour behind on a recycled row. */
  if (color == NULL || !gdk_rgba_parse (&self->rgba, color))
    gdk_rgba_parse (&self->rgba, "#9a9996");
  self->rgba.alpha = 1.0;

  update_text_color (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

gboolean
dossier_tag_chip_get_show_name (DossierTagChip *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_CHIP (self), FALSE);

  return self->show_name;
}

void
dossier_tag_chip_set_show_name (DossierTagChip *self,
                                gboolean        show_name)
{
  g_return_if_fail (DOSSIER_IS_TAG_CHIP (self));

  show_name = !!show_name;
  if (self->show_name == show_name)
    return;

  self->show_name = show_name;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NAME]);
}
