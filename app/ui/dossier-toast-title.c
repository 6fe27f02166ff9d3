/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-toast-title.c — a toast's text, wrapped onto more lines when
 * the window is too narrow to show it on one.
 *
 * libadwaita 1.2 shows a toast's title on one line, ellipsized: a long
 * message lost its end (the advice, "Run dossier-cli check …", after what
 * went wrong), and at 360 px a message of forty characters did. This
 * title is the same bold label on one line while the text fits, and
 * wraps it when it does not.
 *
 * The toast overlay places a toast at its natural width and the height
 * for that width, then narrows it to the overlay's width if it is wider:
 * a wrapping label that asked for the whole text's width would get fewer
 * pixels than its height was measured for, and be cut at the bottom. The
 * toast's layout (dossier-toast-layout.c, which the title gives its
 * toast) keeps the toast's natural width to what the overlay leaves it;
 * the title is measured again when the window's width changes.
 *
 * It also says how long a toast stays: libadwaita gives every toast 5 s,
 * whatever it says, which is too short to read three lines of advice. */

#include "config.h"

#include "dossier-toast-title.h"
#include "dossier-toast-layout.h"

/* libadwaita's timeout for a toast not told otherwise, in seconds. */
#define DEFAULT_TIMEOUT 5

/* Reading a toast: a moment to notice it and look, then its text at
 * 15 characters a second, about 180 words a minute (five characters and
 * a space a word) — slower than the 200–250 of a practised reader on
 * screen, for readers in a second language, or going back to a name. */
#define NOTICE_SECONDS 2
#define CHARS_PER_SECOND 15

/* Above and below a text on more lines than one: a toast's padding (6 px)
 * is made for one line beside round buttons. */
#define WRAPPED_PADDING 6

struct _DossierToastTitle
{
  GtkWidget   parent_instance;

  GtkWidget  *label;
  GdkSurface *surface;       /* followed for its width while realized */
};

G_DEFINE_FINAL_TYPE (DossierToastTitle, dossier_toast_title, GTK_TYPE_WIDGET)

/* The label's minimum and natural width (its text on one line: the
 * toast's layout gives it no more than the toast has); and (@one_line,
 * may be NULL) the width of its text on one line. */
static void
measure_width (DossierToastTitle *self,
               int               *minimum,
               int               *natural,
               int               *one_line)
{
  int unwrapped;

  gtk_widget_measure (self->label, GTK_ORIENTATION_HORIZONTAL, -1, minimum, &unwrapped, NULL, NULL);
  *natural = MAX (*minimum, unwrapped);
  if (one_line != NULL)
    *one_line = unwrapped;
}

static void
dossier_toast_title_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  DossierToastTitle *self = DOSSIER_TOAST_TITLE (widget);
  int min_width, nat_width, one_line;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_width (self, minimum, natural, NULL);
      return;
    }

  /* The toast's bin is aligned to the start: the title is never given
   * more than its natural width, whatever width the toast is measured
   * at (libadwaita widens a toast with a button to 450 px). */
  measure_width (self, &min_width, &nat_width, &one_line);
  if (for_size < 0 || for_size > nat_width)
    for_size = nat_width;
  gtk_widget_measure (self->label, GTK_ORIENTATION_VERTICAL, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (one_line > for_size)
    {
      *minimum += 2 * WRAPPED_PADDING;
      *natural += 2 * WRAPPED_PADDING;
      if (minimum_baseline != NULL && *minimum_baseline >= 0)
        *minimum_baseline += WRAPPED_PADDING;
      if (natural_baseline != NULL && *natural_baseline >= 0)
        *natural_baseline += WRAPPED_PADDING;
    }
}

static void
dossier_toast_title_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  DossierToastTitle *self = DOSSIER_TOAST_TITLE (widget);
  GtkWidget *bin = gtk_widget_get_parent (widget);
  GtkWidget *toast = bin != NULL ? gtk_widget_get_parent (bin) : NULL;
  int one_line;
  gboolean wrapped;

  gtk_widget_measure (self->label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &one_line, NULL, NULL);
  wrapped = one_line > width;
  if (wrapped)
    gtk_widget_allocate (self->label, width, MAX (height - 2 * WRAPPED_PADDING, 0), -1,
                         gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, WRAPPED_PADDING)));
  else
    gtk_widget_allocate (self->label, width, height, baseline, NULL);

  /* A pill's round ends would cut into lines of text (style.css): only
   * its corners are rounded then. */
  if (toast != NULL && wrapped != gtk_widget_has_css_class (toast, "dossier-wrapped"))
    {
      if (wrapped)
        gtk_widget_add_css_class (toast, "dossier-wrapped");
      else
        gtk_widget_remove_css_class (toast, "dossier-wrapped");
    }
}

static GtkSizeRequestMode
dossier_toast_title_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
surface_width_changed (DossierToastTitle *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The toast is the title's bin's parent. */
static void
dossier_toast_title_root (GtkWidget *widget)
{
  GtkWidget *bin = gtk_widget_get_parent (widget);
  GtkWidget *toast = bin != NULL ? gtk_widget_get_parent (bin) : NULL;

  GTK_WIDGET_CLASS (dossier_toast_title_parent_class)->root (widget);

  if (toast != NULL && gtk_widget_get_ancestor (toast, ADW_TYPE_TOAST_OVERLAY) != NULL &&
      !DOSSIER_IS_TOAST_LAYOUT (gtk_widget_get_layout_manager (toast)))
    gtk_widget_set_layout_manager (toast, dossier_toast_layout_new ());
}

static void
dossier_toast_title_realize (GtkWidget *widget)
{
  DossierToastTitle *self = DOSSIER_TOAST_TITLE (widget);

  GTK_WIDGET_CLASS (dossier_toast_title_parent_class)->realize (widget);

  /* What it measured depends on the overlay's width, which GTK does not
   * tell a toast about: a toast's size is kept until it is asked again. */
  self->surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_signal_connect_object (self->surface, "notify::width", G_CALLBACK (surface_width_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
dossier_toast_title_unrealize (GtkWidget *widget)
{
  DossierToastTitle *self = DOSSIER_TOAST_TITLE (widget);

  if (self->surface != NULL)
    g_signal_handlers_disconnect_by_func (self->surface, surface_width_changed, self);
  self->surface = NULL;

  GTK_WIDGET_CLASS (dossier_toast_title_parent_class)->unrealize (widget);
}

static void
dossier_toast_title_dispose (GObject *object)
{
  DossierToastTitle *self = DOSSIER_TOAST_TITLE (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (dossier_toast_title_parent_class)->dispose (object);
}

static void
dossier_toast_title_class_init (DossierToastTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_toast_title_dispose;
  widget_class->measure = dossier_toast_title_measure;
  widget_class->size_allocate = dossier_toast_title_size_allocate;
  widget_class->get_request_mode = dossier_toast_title_get_request_mode;
  widget_class->root = dossier_toast_title_root;
  widget_class->realize = dossier_toast_title_realize;
  widget_class->unrealize = dossier_toast_title_unrealize;
}

static void
dossier_toast_title_init (DossierToastTitle *self)
{
  /* As libadwaita's own title (bold, to the start), wrapping instead of
   * ellipsized, and plain text: libadwaita's title is markup, which a
   * name with "&" in it broke. */
  self->label = g_object_new (GTK_TYPE_LABEL,
                              "wrap", TRUE,
                              "wrap-mode", PANGO_WRAP_WORD_CHAR,
                              "xalign", 0.0f,
                              "css-classes", (const char * const []) { "heading", NULL },
                              NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
dossier_toast_title_new (const char *text)
{
  DossierToastTitle *self = g_object_new (DOSSIER_TYPE_TOAST_TITLE, NULL);

  gtk_label_set_text (GTK_LABEL (self->label), text != NULL ? text : "");
  return GTK_WIDGET (self);
}

const char *
dossier_toast_title_get_text (DossierToastTitle *self)
{
  g_return_val_if_fail (DOSSIER_IS_TOAST_TITLE (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

const char *
dossier_toast_get_text (AdwToast *toast)
{
  GtkWidget *custom;
  const char *title;

  g_return_val_if_fail (ADW_IS_TOAST (toast), NULL);

  custom = adw_toast_get_custom_title (toast);
  if (DOSSIER_IS_TOAST_TITLE (custom))
    return dossier_toast_title_get_text (DOSSIER_TOAST_TITLE (custom));
  title = adw_toast_get_title (toast);
  return title != NULL ? title : "";
}

guint
dossier_toast_reading_time (const char *text)
{
  glong chars;

  g_return_val_if_fail (text != NULL, DEFAULT_TIMEOUT);

  /* Characters, not words: a Spanish or German text is as long to read as
   * its length, whatever its words' lengths. Rounded up. */
  chars = g_utf8_strlen (text, -1);
  return MAX (DEFAULT_TIMEOUT, NOTICE_SECONDS + (guint) ((chars + CHARS_PER_SECOND - 1) / CHARS_PER_SECOND));
}
