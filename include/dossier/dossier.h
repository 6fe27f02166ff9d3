/* dossier.h — the public API of Dossier's core (no GTK). */
#pragma once

#include "dossier-anchor.h"
#include "dossier-argument.h"
#include "dossier-document.h"
#include "dossier-exchange.h"
#include "dossier-export.h"
#include "dossier-highlight.h"
#include "dossier-import.h"
#include "dossier-mentions.h"
#include "dossier-progress.h"
#include "dossier-project.h"
#include "dossier-stakeholder.h"
#include "dossier-suggest.h"
#include "dossier-tag.h"
#include "dossier-text.h"
