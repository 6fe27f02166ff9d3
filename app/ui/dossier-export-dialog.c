/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-dialog.c — the Export dialog: format, how a summary is
 * laid out (grouping, headings, context, memos, positions: shown only for
 * the summary formats), which documents and tags, destination file; or,
 * when the project has briefing notes, one of them with its format and
 * appendix. The formats and layout are kept in GSettings, so the next
 * export starts from the last one. The export itself runs in the core's
 * thread (dossier_export_to_file_async ()) with its own connection to the
 * project, and reports back to the parent window with a toast. Closing the
 * dialog cancels it. A note is exported as from the Brief page
 * (dossier-briefing-export.h): citations that cannot be verified are
 * named in a question before anything is written. */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-briefing-export.h"
#include "dossier-export-dialog.h"
#include "dossier-ui-utils.h"

struct _DossierExportDialog
{
  AdwWindow       parent_instance;

  DossierProject *project;
  GArray         *document_ids;   /* row of document_row -> id (0 = all) */
  GArray         *tag_ids;        /* row of tag_row -> id (0 = all) */
  GArray         *briefing_ids;   /* row of briefing_row -> id */
  GFile          *destination;
  GFile          *confirmed;      /* a file there that the user agreed to replace */
  GCancellable   *cancellable;    /* cancelled when the dialog closes */
  gboolean        exporting;
  gboolean        export_after_choosing;
  GSettings      *settings;

  /* Template children */
  GtkButton      *export_button;
  GtkSpinner     *spinner;
  AdwComboRow    *what_row;
  AdwComboRow    *briefing_row;
  AdwComboRow    *briefing_format_row;
  AdwActionRow   *appendix_row;
  GtkSwitch      *appendix_switch;
  AdwPreferencesGroup *content_group;
  AdwComboRow    *format_row;
  AdwComboRow    *target_row;
  AdwPreferencesGroup *summary_group;
  AdwComboRow    *group_row;
  GtkSwitch      *headings_switch;
  GtkSpinButton  *context_spin;
  AdwComboRow    *memos_row;
  GtkSwitch      *offsets_switch;
  AdwComboRow    *document_row;
  AdwComboRow    *tag_row;
  AdwActionRow   *destination_row;
};

G_DEFINE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows of format_row, in the order of the .ui. */
static const DossierExportFormat formats[] = {
  DOSSIER_EXPORT_JSON,
  DOSSIER_EXPORT_MARKDOWN,
  DOSSIER_EXPORT_HTML,
  DOSSIER_EXPORT_CSV,
  DOSSIER_EXPORT_TEXT,
  DOSSIER_EXPORT_QDPX,
  DOSSIER_EXPORT_QDC,
  DOSSIER_EXPORT_W3C,
};

/* Rows of briefing_format_row, in the order of the .ui. */
static const char * const briefing_formats[] = { "markdown", "html", "pdf", NULL };

/* Rows of target_row, in the order of the .ui. */
static const DossierExchangeTarget targets[] = {
  DOSSIER_EXCHANGE_TARGET_STANDARD,
  DOSSIER_EXCHANGE_TARGET_MAXQDA,
  DOSSIER_EXCHANGE_TARGET_ATLASTI,
  DOSSIER_EXCHANGE_TARGET_NVIVO,
  DOSSIER_EXCHANGE_TARGET_QUALCODER,
};

/* Rows of group_row and memos_row, in the order of the .ui. */
static const DossierExportGrouping groupings[] = {
  DOSSIER_EXPORT_GROUP_BY_DOCUMENT,
  DOSSIER_EXPORT_GROUP_BY_TAG,
};

static const DossierExportMemos memo_styles[] = {
  DOSSIER_EXPORT_MEMOS_NOTES,
  DOSSIER_EXPORT_MEMOS_FOOTNOTES,
  DOSSIER_EXPORT_MEMOS_NONE,
};

/* ---- Choices ------------------------------------------------------------------- */

DossierExportFormat
dossier_export_dialog_get_format (DossierExportDialog *self)
{
  guint row;

  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), DOSSIER_EXPORT_JSON);

  row = adw_combo_row_get_selected (self->format_row);
  return row < G_N_ELEMENTS (formats) ? formats[row] : DOSSIER_EXPORT_JSON;
}

void
dossier_export_dialog_set_format (DossierExportDialog *self,
                                  DossierExportFormat  format)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

static gboolean
is_summary (DossierExportFormat format)
{
  return format == DOSSIER_EXPORT_MARKDOWN || format == DOSSIER_EXPORT_HTML ||
         format == DOSSIER_EXPORT_TEXT;
}

void
dossier_export_dialog_get_options (DossierExportDialog  *self,
                                   DossierExportOptions *options)
{
  guint group, memos;

  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  dossier_export_options_init (options);
  group = adw_combo_row_get_selected (self->group_row);
  memos = adw_combo_row_get_selected (self->memos_row);
  if (group < G_N_ELEMENTS (groupings))
    options->group_by = groupings[group];
  if (memos < G_N_ELEMENTS (memo_styles))
    options->memos = memo_styles[memos];
  options->headings = gtk_switch_get_active (self->headings_switch);
  options->offsets = gtk_switch_get_active (self->offsets_switch);
  options->context_words = gtk_spin_button_get_value_as_int (self->context_spin);
  if (adw_combo_row_get_selected (self->target_row) < G_N_ELEMENTS (targets))
    options->target = targets[adw_combo_row_get_selected (self->target_row)];
}

void
dossier_export_dialog_set_options (DossierExportDialog        *self,
                                   const DossierExportOptions *options)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
    if (groupings[i] == options->group_by)
      adw_combo_row_set_selected (self->group_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (memo_styles); i++)
    if (memo_styles[i] == options->memos)
      adw_combo_row_set_selected (self->memos_row, i);
  gtk_switch_set_active (self->headings_switch, options->headings);
  gtk_switch_set_active (self->offsets_switch, options->offsets);
  gtk_spin_button_set_value (self->context_spin, options->context_words);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (targets[i] == options->target)
      adw_combo_row_set_selected (self->target_row, i);
}

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

void
dossier_export_dialog_set_document_id (DossierExportDialog *self,
                                       gint64               document_id)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  select_id (self->document_row, self->document_ids, document_id);
}

void
dossier_export_dialog_set_tag_id (DossierExportDialog *self,
                                  gint64               tag_id)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  select_id (self->tag_row, self->tag_ids, tag_id);
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint i = adw_combo_row_get_selected (row);

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

gint64
dossier_export_dialog_get_briefing_id (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), 0);

  if (adw_combo_row_get_selected (self->what_row) != 1)
    return 0;
  return selected_id (self->briefing_row, self->briefing_ids);
}

void
dossier_export_dialog_set_briefing_id (DossierExportDialog *self,
                                       gint64               briefing_id)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->briefing_ids->len; i++)
    if (g_array_index (self->briefing_ids, gint64, i) == briefing_id)
      {
        adw_combo_row_set_selected (self->briefing_row, i);
        adw_combo_row_set_selected (self->what_row, 1);
        return;
      }
  adw_combo_row_set_selected (self->what_row, 0);
}

const char *
dossier_export_dialog_get_briefing_format (DossierExportDialog *self)
{
  guint row;

  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), "pdf");

  row = adw_combo_row_get_selected (self->briefing_format_row);
  return row < G_N_ELEMENTS (briefing_formats) - 1 ? briefing_formats[row] : "pdf";
}

void
dossier_export_dialog_set_briefing_format (DossierExportDialog *self,
                                           const char          *format)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  for (guint i = 0; briefing_formats[i] != NULL; i++)
    if (g_strcmp0 (briefing_formats[i], format) == 0)
      adw_combo_row_set_selected (self->briefing_format_row, i);
}

/* The extension of what is to be written. */
static const char *
current_extension (DossierExportDialog *self)
{
  if (dossier_export_dialog_get_briefing_id (self) != 0)
    return dossier_briefing_export_format_extension (dossier_export_dialog_get_briefing_format (self));
  return dossier_export_format_extension (dossier_export_dialog_get_format (self));
}

static void
update_destination_row (DossierExportDialog *self)
{
  g_autofree char *name = NULL;

  if (self->destination == NULL)
    {
      adw_action_row_set_subtitle (self->destination_row, _("Not chosen yet"));
      gtk_button_set_label (self->export_button, _("_Export…"));
      return;
    }

  name = g_file_get_parse_name (self->destination);
  adw_action_row_set_subtitle (self->destination_row, name);
  gtk_button_set_label (self->export_button, _("_Export"));
}

/* @confirmed: the user chose @file as it is (the file chooser asks before
 * a file it names is replaced); a name the dialog made (an extension added
 * or changed) is asked about at export when a file has it. */
static void
set_destination (DossierExportDialog *self,
                 GFile               *file,
                 gboolean             confirmed)
{
  g_set_object (&self->destination, file);
  if (confirmed)
    g_set_object (&self->confirmed, file);
  update_destination_row (self);
}

void
dossier_export_dialog_set_destination (DossierExportDialog *self,
                                       GFile               *file)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  set_destination (self, file, TRUE);
}

GFile *
dossier_export_dialog_get_destination (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), NULL);

  return self->destination;
}

/* @path with its extension replaced by @ext. */
static char *
with_extension (const char *path,
                const char *ext)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".", ext, NULL);
  return g_build_filename (dir, name, NULL);
}

static const char *
format_description (DossierExportFormat format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_JSON:
      return _("Everything, for other programs");
    case DOSSIER_EXPORT_MARKDOWN:
      return _("A tagged summary: quotes under their tags, with memos");
    case DOSSIER_EXPORT_HTML:
      return _("A tagged summary as a printable web page");
    case DOSSIER_EXPORT_CSV:
      return _("One row per highlight and tag, for spreadsheets");
    case DOSSIER_EXPORT_QDPX:
      return _("Everything, for NVivo, MAXQDA, ATLAS.ti or QualCoder (.qdpx)");
    case DOSSIER_EXPORT_QDC:
      return _("The codebook alone, for another qualitative-analysis tool (.qdc)");
    case DOSSIER_EXPORT_W3C:
      return _("The highlights, for web annotation tools (.jsonld)");
    case DOSSIER_EXPORT_TEXT:
    default:
      return _("A tagged summary in plain text");
    }
}

static void
on_format_changed (DossierExportDialog *self)
{
  gboolean briefing = dossier_export_dialog_get_briefing_id (self) != 0;
  DossierExportFormat format = dossier_export_dialog_get_format (self);
  g_autofree char *path = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GFile) file = NULL;

  /* A note has its own rows; the highlights' choices are not its. */
  gtk_widget_set_visible (GTK_WIDGET (self->briefing_row), briefing);
  gtk_widget_set_visible (GTK_WIDGET (self->briefing_format_row), briefing);
  gtk_widget_set_visible (GTK_WIDGET (self->appendix_row), briefing);
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), !briefing);
  gtk_widget_set_visible (GTK_WIDGET (self->content_group), !briefing);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), format_description (format));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), !briefing && is_summary (format));
  gtk_widget_set_visible (GTK_WIDGET (self->target_row),
                          !briefing && (format == DOSSIER_EXPORT_QDPX || format == DOSSIER_EXPORT_QDC));

  /* Keep the chosen file name, with the new format's extension. */
  if (self->destination == NULL || (path = g_file_get_path (self->destination)) == NULL)
    return;
  renamed = with_extension (path, current_extension (self));
  file = g_file_new_for_path (renamed);
  set_destination (self, file, FALSE);
}

static void
on_what_changed (DossierExportDialog *self)
{
  on_format_changed (self);
}

static void
on_briefing_changed (DossierExportDialog *self)
{
  on_format_changed (self);
}

static void
on_briefing_format_changed (DossierExportDialog *self)
{
  const char *format = dossier_export_dialog_get_briefing_format (self);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->briefing_format_row),
                               g_str_equal (format, "pdf")
                               ? _("To print or send: footnotes at the foot of each page")
                               : g_str_equal (format, "html")
                               ? _("A self-contained web page, its citations linked to their sources")
                               : _("Plain text with numbered footnotes, for editing elsewhere"));
  on_format_changed (self);
}

/* What the chosen tool changes, in a person's words. */
static void
on_target_changed (DossierExportDialog *self)
{
  guint row = adw_combo_row_get_selected (self->target_row);
  const DossierExchangeProfile *profile =
    dossier_exchange_profile_get (row < G_N_ELEMENTS (targets) ? targets[row] : DOSSIER_EXCHANGE_TARGET_STANDARD);
  g_autofree char *subtitle = NULL;

  if (profile->crlf)
    subtitle = g_strdup_printf (_("Sources in the “%s” folder, line breaks written as \\r\\n and "
                                  "counted as two characters."), profile->sources_dir);
  else
    subtitle = g_strdup_printf (_("Sources in the “%s” folder, line breaks written as \\n."),
                                profile->sources_dir);
  if (profile->memos & DOSSIER_MEMO_AS_NOTE)
    {
      char *more = g_strconcat (subtitle, " ", _("Memos also travel as notes."), NULL);

      g_free (subtitle);
      subtitle = more;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row), subtitle);
}

static void
on_group_changed (DossierExportDialog *self)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->group_row),
                               adw_combo_row_get_selected (self->group_row) == 1
                               ? _("Each tag with its quotes from every document, and their sources")
                               : _("Each document with its tags and their quotes"));
}

static void
on_memos_changed (DossierExportDialog *self)
{
  const char *subtitles[] = {
    N_("Each memo under its quote"),
    N_("Numbered, listed at the end"),
    N_("Quotes only"),
  };
  guint i = adw_combo_row_get_selected (self->memos_row);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->memos_row),
                               _(subtitles[MIN (i, G_N_ELEMENTS (subtitles) - 1)]));
}

/* ---- Remembering the choices ------------------------------------------------------ */

static gboolean
double_from_int (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
int_from_double (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) CLAMP (g_value_get_double (value), 0,
                                              DOSSIER_EXPORT_MAX_CONTEXT_WORDS));
}

static void
bind_settings (DossierExportDialog *self)
{
  /* In the rows' order; names as the CLI and GSettings spell them. */
  static const char *format_names[G_N_ELEMENTS (formats) + 1];
  static const char *grouping_names[G_N_ELEMENTS (groupings) + 1];
  static const char *memos_names[G_N_ELEMENTS (memo_styles) + 1];
  static const char *target_names[G_N_ELEMENTS (targets) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    format_names[i] = dossier_export_format_to_string (formats[i]);
  for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
    grouping_names[i] = dossier_export_grouping_to_string (groupings[i]);
  for (guint i = 0; i < G_N_ELEMENTS (memo_styles); i++)
    memos_names[i] = dossier_export_memos_to_string (memo_styles[i]);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    target_names[i] = dossier_exchange_profile_get (targets[i])->name;

  self->settings = g_settings_new (APP_ID);
  /* Combo rows are kept by name (see there). */
  dossier_settings_bind_choice (self->settings, "export-format", self->format_row, format_names);
  dossier_settings_bind_choice (self->settings, "export-group-by", self->group_row, grouping_names);
  dossier_settings_bind_choice (self->settings, "export-memos", self->memos_row, memos_names);
  dossier_settings_bind_choice (self->settings, "export-target", self->target_row, target_names);
  dossier_settings_bind_choice (self->settings, "export-briefing-format", self->briefing_format_row,
                                briefing_formats);
  g_settings_bind (self->settings, "export-briefing-appendix", self->appendix_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-headings", self->headings_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-offsets", self->offsets_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "export-context-words",
                                gtk_spin_button_get_adjustment (self->context_spin), "value",
                                G_SETTINGS_BIND_DEFAULT, double_from_int, int_from_double,
                                NULL, NULL);
}

/* ---- Choosing the destination ----------------------------------------------------- */

static void start_export (DossierExportDialog *self);

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     DossierExportDialog *self)
{
  gboolean export_after = self->export_after_choosing;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      const char *ext = current_extension (self);

      if (path != NULL)
        {
          g_autofree char *suffix = g_strconcat (".", ext, NULL);
          g_autoptr(GFile) dest = NULL;

          /* "notes" becomes "notes.md"; a typed extension is respected. */
          if (strchr (strrchr (path, G_DIR_SEPARATOR) ? strrchr (path, G_DIR_SEPARATOR) : path, '.') == NULL)
            {
              g_autofree char *fixed = g_strconcat (path, suffix, NULL);
              dest = g_file_new_for_path (fixed);
            }
          else
            dest = g_object_ref (file);

          /* The chooser asked about the name typed, not the one made here. */
          set_destination (self, dest, g_file_equal (dest, file));
          if (export_after)
            start_export (self);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_destination (DossierExportDialog *self,
                    gboolean             export_after)
{
  const char *ext = current_extension (self);
  gint64 briefing_id = dossier_export_dialog_get_briefing_id (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", ext, NULL);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, ext);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (self->destination != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->destination);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
      name = g_file_get_basename (self->destination);
    }
  else
    {
      g_autoptr(GFile) project_file = g_file_new_for_path (dossier_project_get_path (self->project));
      g_autoptr(GFile) parent = g_file_get_parent (project_file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
      DossierBriefing *briefing = briefing_id != 0
                                  ? dossier_project_get_briefing (self->project, briefing_id) : NULL;

      /* Named after what it holds: the note, or the project; a title
       * from a file may be of any length, a file name is at most 255
       * bytes (60 characters are 240 at the most). */
      g_autofree char *stem = dossier_text_shorten (briefing != NULL
                                                    ? dossier_briefing_get_title (briefing)
                                                    : dossier_project_get_title (self->project),
                                                    60);

      name = g_strconcat (stem, ".", ext, NULL);
      g_strdelimit (name, "/\\", '-');
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  self->export_after_choosing = export_after;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_destination (DOSSIER_EXPORT_DIALOG (widget), FALSE);
}

/* ---- Exporting ---------------------------------------------------------------------- */

static void
set_busy (DossierExportDialog *self,
          gboolean             busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !busy);
}

/* The export is over: told to the parent window and closed, or the
 * failure shown. */
static void
export_finished (DossierExportDialog *self,
                 gboolean             ok,
                 const GError        *error)
{
  /* Closed meanwhile: nothing to tell, and no file was left. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->exporting = FALSE;
  /* Not written, as the user answered about unverified citations: the
   * dialog stays, to change the note or the choice. */
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_busy (self, FALSE);
      return;
    }
  if (!ok)
    {
      g_autofree char *name = g_file_get_basename (self->destination);
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), name);
      GtkWidget *dialog;

      set_busy (self, FALSE);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  {
    GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
    g_autofree char *uri = g_file_get_uri (self->destination);

    g_signal_emit (self, signals[EXPORTED], 0, self->destination);
    if (parent != NULL)
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.exported", "s", uri);
  }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = dossier_export_to_file_finish (DOSSIER_PROJECT (source), result, &error);

  export_finished (self, ok, error);
}

static void
on_briefing_exported (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DossierExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dossier_briefing_export_finish (result, &error);

  export_finished (self, path != NULL, error);
}

static void
on_replace_response (AdwMessageDialog    *question,
                     const char          *response,
                     DossierExportDialog *self)
{
  if (g_strcmp0 (response, "replace") == 0 && self->destination != NULL)
    {
      g_set_object (&self->confirmed, self->destination);
      start_export (self);
    }
}

/* A file is where the export would go, under a name the user did not
 * choose in the file chooser (the dialog gave it its format's extension):
 * asks before it is replaced. */
static gboolean
ask_before_replacing (DossierExportDialog *self)
{
  AdwMessageDialog *question;

  if (self->confirmed != NULL && g_file_equal (self->confirmed, self->destination))
    return FALSE;
  if (g_file_query_file_type (self->destination, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
    return FALSE;

  question = dossier_replace_question_new (GTK_WINDOW (self), self->destination);
  g_signal_connect_object (question, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

static void
start_export (DossierExportDialog *self)
{
  g_autofree char *dest_path = NULL;
  DossierExportFilter filter = { 0 };
  DossierExportOptions options;

  if (self->destination != NULL)
    dest_path = g_file_get_path (self->destination);
  if (dest_path == NULL)
    {
      choose_destination (self, TRUE);
      return;
    }
  if (ask_before_replacing (self))
    return;

  filter.document_id = selected_id (self->document_row, self->document_ids);
  filter.tag_id = selected_id (self->tag_row, self->tag_ids);
  dossier_export_dialog_get_options (self, &options);

  set_busy (self, TRUE);
  self->exporting = TRUE;
  if (dossier_export_dialog_get_briefing_id (self) != 0)
    {
      dossier_briefing_export_async (self->project, dossier_export_dialog_get_briefing_id (self),
                                     dossier_export_dialog_get_briefing_format (self), dest_path,
                                     gtk_switch_get_active (self->appendix_switch), FALSE,
                                     GTK_WINDOW (self), self->cancellable,
                                     on_briefing_exported, g_object_ref (self));
      return;
    }
  dossier_export_to_file_async (self->project, dossier_export_dialog_get_format (self),
                                &filter, &options, dest_path, NULL, self->cancellable,
                                on_export_done, g_object_ref (self));
}

void
dossier_export_dialog_export (DossierExportDialog *self)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  if (self->exporting)
    return;
  start_export (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  dossier_export_dialog_export (DOSSIER_EXPORT_DIALOG (widget));
}

/* ---- Setup ---------------------------------------------------------------------- */

typedef gint64      (*ItemId)    (gpointer item);
typedef const char *(*ItemLabel) (gpointer item);

/* Each item of @model as a row of @names (its label) with its id in @ids
 * at the same row. */
static void
append_items (GtkStringList *names,
              GArray        *ids,
              GListModel    *model,
              ItemId         get_id,
              ItemLabel      get_label)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id = get_id (item);
      g_autofree char *shown = dossier_shown_text (get_label (item));

      gtk_string_list_append (names, shown);
      g_array_append_val (ids, id);
    }
}

static void
fill_choices (DossierExportDialog *self)
{
  g_autoptr(GtkStringList) documents = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tags = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) briefings = gtk_string_list_new (NULL);
  GListModel *notes = dossier_project_get_briefings (self->project);
  gint64 zero = 0;

  g_array_set_size (self->document_ids, 0);
  g_array_set_size (self->tag_ids, 0);
  g_array_set_size (self->briefing_ids, 0);

  gtk_string_list_append (documents, _("All documents"));
  g_array_append_val (self->document_ids, zero);
  append_items (documents, self->document_ids, dossier_project_get_documents (self->project),
                (ItemId) dossier_document_get_id, (ItemLabel) dossier_document_get_title);
  /* The path tells "Risks/Cost" from "Benefits/Cost". */
  gtk_string_list_append (tags, _("All tags"));
  g_array_append_val (self->tag_ids, zero);
  append_items (tags, self->tag_ids, dossier_project_get_tags (self->project),
                (ItemId) dossier_tag_get_id, (ItemLabel) dossier_tag_get_path);
  append_items (briefings, self->briefing_ids, notes,
                (ItemId) dossier_briefing_get_id, (ItemLabel) dossier_briefing_get_title);

  adw_combo_row_set_model (self->document_row, G_LIST_MODEL (documents));
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (tags));
  adw_combo_row_set_model (self->briefing_row, G_LIST_MODEL (briefings));
  /* With no note, nothing to choose between. */
  gtk_widget_set_visible (GTK_WIDGET (self->what_row), g_list_model_get_n_items (notes) > 0);
  if (g_list_model_get_n_items (notes) == 0)
    adw_combo_row_set_selected (self->what_row, 0);
  on_format_changed (self);
}

static void
dossier_export_dialog_dispose (GObject *object)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->dispose (object);
}

static void
dossier_export_dialog_finalize (GObject *object)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (object);

  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->tag_ids, g_array_unref);
  g_clear_pointer (&self->briefing_ids, g_array_unref);
  g_clear_object (&self->destination);
  g_clear_object (&self->confirmed);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->finalize (object);
}

static void
dossier_export_dialog_class_init (DossierExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_export_dialog_dispose;
  object_class->finalize = dossier_export_dialog_finalize;

  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/ui/dossier-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, briefing_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, briefing_format_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, appendix_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, appendix_switch);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, content_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, headings_switch);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, context_spin);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, memos_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, offsets_switch);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, destination_row);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_what_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_briefing_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_briefing_format_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_group_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_memos_changed);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_export_dialog_init (DossierExportDialog *self)
{
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->briefing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Titles of notes and documents, and longer words than English's, are
   * read whole: every value under its row's title (the .ui), the lists
   * wrapped. */
  {
    AdwComboRow *rows[] = { self->what_row, self->briefing_row, self->briefing_format_row,
                            self->format_row, self->target_row, self->group_row,
                            self->memos_row, self->document_row, self->tag_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      dossier_combo_row_list_whole (rows[i]);
  }
  bind_settings (self);
  on_briefing_format_changed (self);
  on_target_changed (self);
  on_group_changed (self);
  on_memos_changed (self);
  /* The focus on Export, the default: opened with Ctrl+E, Enter goes on
   * to the export (GTK gave the focus to the first button, Cancel, where
   * Enter closed the dialog); Tab goes to the choices. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

DossierExportDialog *
dossier_export_dialog_new (GtkWindow      *parent,
                           DossierProject *project,
                           gint64          document_id)
{
  DossierExportDialog *self;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);

  self = g_object_new (DOSSIER_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  dossier_dialog_fit_parent (GTK_WINDOW (self));
  self->project = g_object_ref (project);
  fill_choices (self);
  dossier_export_dialog_set_document_id (self, document_id);
  return self;
}
