#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU; ICU's UErrorCode then clashes with Foundation's copy in any Swift file
   that imports both. Nothing here needs ICU, so its declarations are turned off before the other headers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* xmlFree is a macro-backed global that Swift cannot see. */
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

#endif
