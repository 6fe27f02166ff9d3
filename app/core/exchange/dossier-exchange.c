/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-exchange.c — what the exchange formats share: the error domain,
 * the target tools' profiles, name-based GUIDs and XML escaping.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include "dossier-exchange-private.h"

G_DEFINE_QUARK (dossier-exchange-error-quark, dossier_exchange_error)

/* ---- Target profiles ----------------------------------------------------- */

/* Where the standard is silent, each tool has its habits (reported in the
 * tools' trackers and by the REFI group's interoperability tests):
 *  - the sources folder: MAXQDA writes "sources" and ATLAS.ti requires it;
 *    NVivo and QualCoder write "Sources";
 *  - line endings: Windows tools count "\r\n" as two characters of the
 *    plain text, so their sources are written that way and positions
 *    counted over it;
 *  - memos: some show a selection's <Description>, others only <Note>s
 *    referred to from the selection; both where unsure. */
static const DossierExchangeProfile profiles[] = {
  { DOSSIER_EXCHANGE_TARGET_STANDARD,  "standard",  "REFI-QDA",  "sources", FALSE,
    DOSSIER_MEMO_AS_DESCRIPTION },
  { DOSSIER_EXCHANGE_TARGET_MAXQDA,    "maxqda",    "MAXQDA",    "sources", TRUE,
    DOSSIER_MEMO_AS_DESCRIPTION },
  { DOSSIER_EXCHANGE_TARGET_ATLASTI,   "atlasti",   "ATLAS.ti",  "sources", FALSE,
    DOSSIER_MEMO_AS_DESCRIPTION | DOSSIER_MEMO_AS_NOTE },
  { DOSSIER_EXCHANGE_TARGET_NVIVO,     "nvivo",     "NVivo",     "Sources", TRUE,
    DOSSIER_MEMO_AS_DESCRIPTION | DOSSIER_MEMO_AS_NOTE },
  { DOSSIER_EXCHANGE_TARGET_QUALCODER, "qualcoder", "QualCoder", "Sources", FALSE,
    DOSSIER_MEMO_AS_DESCRIPTION },
};

const DossierExchangeProfile *
dossier_exchange_profile_get (DossierExchangeTarget target)
{
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    if (profiles[i].target == target)
      return &profiles[i];
  return NULL;
}

gboolean
dossier_exchange_target_from_string (const char            *str,
                                     DossierExchangeTarget *target)
{
  g_return_val_if_fail (target != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      if (g_ascii_strcasecmp (str, profiles[i].name) == 0 ||
          g_ascii_strcasecmp (str, profiles[i].label) == 0)
        {
          *target = profiles[i].target;
          return TRUE;
        }
    }

  return FALSE;
}

/* ---- GUIDs --------------------------------------------------------------- */

/* Dossier's own namespace for name-based GUIDs (a random UUID, fixed). */
#define DOSSIER_GUID_NAMESPACE "5d3c9b2e-7f41-4a8e-9c61-2b0f8d7e4a13"

static gboolean
parse_uuid (const char *s,
            guint8      bytes[16])
{
  guint n = 0;

  for (const char *p = s; *p != '\0'; p++)
    {
      int hi, lo;

      if (*p == '-')
        continue;
      if (n == 16)
        return FALSE;
      hi = g_ascii_xdigit_value (p[0]);
      lo = p[1] != '\0' ? g_ascii_xdigit_value (p[1]) : -1;
      if (hi < 0 || lo < 0)
        return FALSE;
      bytes[n++] = (guint8) (hi << 4 | lo);
      p++;
    }

  return n == 16;
}

char *
dossier_exchange_guid (const char *space,
                       const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16];
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (name != NULL, NULL);

  if (space == NULL || !parse_uuid (space, ns))
    {
      gboolean ok = parse_uuid (DOSSIER_GUID_NAMESPACE, ns);

      g_assert (ok);
      if (space != NULL)
        {
          /* Not a UUID (a damaged project): still a stable namespace. */
          g_checksum_update (sha1, (const guchar *) space, strlen (space));
          g_checksum_update (sha1, (const guchar *) "\n", 1);
        }
    }

  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &digest_len);

  digest[6] = (digest[6] & 0x0F) | 0x50;  /* version 5 */
  digest[8] = (digest[8] & 0x3F) | 0x80;  /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10],
                          digest[11], digest[12], digest[13], digest[14], digest[15]);
}

char *
dossier_exchange_guid_normalize (const char *guid)
{
  g_autofree char *s = NULL;
  gsize len;

  if (guid == NULL)
    return NULL;

  s = g_strstrip (g_strdup (guid));
  len = strlen (s);
  if (len == 38 && s[0] == '{' && s[37] == '}')
    {
      memmove (s, s + 1, 36);
      s[36] = '\0';
    }
  if (!g_uuid_string_is_valid (s))
    return NULL;

  return g_ascii_strdown (s, -1);
}

/* ---- XML escaping -------------------------------------------------------- */

void
dossier_xml_append_escaped (GString    *out,
                            const char *s,
                            gssize      len,
                            gboolean    attribute)
{
  const char *p, *end, *run;

  if (s == NULL)
    return;
  if (len < 0)
    len = strlen (s);

  p = run = s;
  end = s + len;

  while (p < end)
    {
      guchar c = (guchar) *p;
      const char *entity = NULL;
      gunichar u;
      const char *next;

      if (c >= 0x80)
        {
          u = g_utf8_get_char_validated (p, end - p);
          if (u == (gunichar) -1 || u == (gunichar) -2 || u == 0xFFFE || u == 0xFFFF)
            {
              /* Invalid UTF-8 (skip one byte) or a non-character. */
              g_string_append_len (out, run, p - run);
              next = (u == (gunichar) -1 || u == (gunichar) -2) ? p + 1 : g_utf8_next_char (p);
              p = run = next;
              continue;
            }
          p = g_utf8_next_char (p);
          continue;
        }

      switch (c)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = attribute ? "&quot;" : NULL; break;
        case '\r': entity = "&#13;"; break;
        case '\n': entity = attribute ? "&#10;" : NULL; break;
        case '\t': entity = attribute ? "&#9;" : NULL; break;
        default:
          if (c < 0x20)
            entity = "";  /* not allowed in XML 1.0 at all */
          break;
        }

      if (entity == NULL)
        {
          p++;
          continue;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      p = run = p + 1;
    }

  g_string_append_len (out, run, p - run);
}
