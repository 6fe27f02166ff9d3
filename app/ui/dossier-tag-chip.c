/* dossier-tag-chip.c — a tag shown as a small rounded label in its colour.
 *
 * The background is painted in snapshot() rather than with a CSS provider
 * per chip: a highlights list can bind thousands of chips over a session
 * and each provider would cost a style recomputation. The text colour is a
 * Pango attribute (black or white, whichever contrasts more), so the chip
 * stays readable on any tag colour, in light and dark mode alike.
 */

#include "config.h"

#include <math.h>

#include "dossier-tag-chip.h"

#define SWATCH_SIZE 12

struct _DossierTagChip
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  char      *name;
  char      *color;
  GdkRGBA    rgba;
  gboolean   show_name;
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

/* g_set_str() is GLib 2.76; we target 2.74. */
static gboolean
set_str (char       **dest,
         const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

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
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  guint16 v = dossier_tag_chip_prefers_dark_text (&self->rgba) ? 0 : 65535;

  pango_attr_list_insert (attrs, pango_attr_foreground_new (v, v, v));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  gtk_label_set_attributes (GTK_LABEL (self->label), attrs);
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
    gtk_widget_snapshot_child (widget, self->label, snapshot);
}

static void
dossier_tag_chip_dispose (GObject *object)
{
  DossierTagChip *self = DOSSIER_TAG_CHIP (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (dossier_tag_chip_parent_class)->dispose (object);
}

static void
dossier_tag_chip_finalize (GObject *object)
{
  DossierTagChip *self = DOSSIER_TAG_CHIP (object);

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

  object_class->dispose = dossier_tag_chip_dispose;
  object_class->finalize = dossier_tag_chip_finalize;
  object_class->get_property = dossier_tag_chip_get_property;
  object_class->set_property = dossier_tag_chip_set_property;

  widget_class->snapshot = dossier_tag_chip_snapshot;

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tagchip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dossier_tag_chip_init (DossierTagChip *self)
{
  self->show_name = TRUE;
  gdk_rgba_parse (&self->rgba, "#9a9996");

  self->label = g_object_new (GTK_TYPE_LABEL,
                              "ellipsize", PANGO_ELLIPSIZE_END,
                              "max-width-chars", 24,
                              "margin-start", 7,
                              "margin-end", 7,
                              "margin-top", 1,
                              "margin-bottom", 1,
                              NULL);
  gtk_widget_add_css_class (self->label, "caption");
  /* The chip itself carries the accessible label; don't read it twice. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

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
  g_return_if_fail (DOSSIER_IS_TAG_CHIP (self));

  if (set_str (&self->name, name))
    {
      gtk_label_set_text (GTK_LABEL (self->label), name ? name : "");
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

  if (!set_str (&self->color, color))
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
  gtk_widget_set_visible (self->label, show_name);
  if (show_name)
    gtk_widget_set_size_request (GTK_WIDGET (self), -1, -1);
  else
    gtk_widget_set_size_request (GTK_WIDGET (self), SWATCH_SIZE, SWATCH_SIZE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NAME]);
}
