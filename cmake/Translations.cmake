# Translations of the desktop program (included at the end of ui/CMakeLists.txt).
#
# English is the source language. resources/translations/ringscope_<lang>.ts are
# committed; the .qm files are built by lrelease at build time (never committed)
# and embedded into ringscope_ui as Qt resources under ":/i18n/", for example
# ":/i18n/ringscope_ru.qm". ringscope_ui is a static library: Qt puts the
# resource in an object library that every target linking ringscope_ui links
# in, so its static initialiser always runs and no Q_INIT_RESOURCE is needed.
#
#   cmake --build build/dev --target update_translations
# runs lupdate over ui/ and app/gui/ and rewrites the .ts files in the source
# tree; it never runs on its own during a build. Then translate the new
# messages (Qt Linguist, or by hand: remove type="unfinished"). The ctest test
# `translations` (tests/i18n) fails while any message is new or untranslated.
#
# ringscope_en.ts (plural forms only: "%n key(s)" → "1 key" / "2 keys") is
# needed only once the sources use tr(text, comment, n); while it does not
# exist English shows the source text. tests/i18n says how to create it.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

set(RINGSCOPE_TS_DIR ${PROJECT_SOURCE_DIR}/resources/translations)
set(ringscope_ts_files ${RINGSCOPE_TS_DIR}/ringscope_ru.ts)
# A glob, not if(EXISTS): the build re-runs cmake when the file appears.
file(GLOB ringscope_ts_plural_only CONFIGURE_DEPENDS ${RINGSCOPE_TS_DIR}/ringscope_en.ts)

# Every file lupdate reads: the GUI library and the window's main().
file(GLOB_RECURSE ringscope_tr_sources CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h)
list(APPEND ringscope_tr_sources ${PROJECT_SOURCE_DIR}/app/gui/main.cpp)
list(SORT ringscope_tr_sources)
set(ringscope_tr_includes ${PROJECT_SOURCE_DIR})
# -no-obsolete: a message gone from the sources leaves the .ts.
set(ringscope_lupdate_options -no-obsolete -locations absolute)

# For tests/i18n, which runs lupdate over the same files with the same options.
set(RINGSCOPE_TR_SOURCES "${ringscope_tr_sources}" CACHE INTERNAL "Sources lupdate reads")
set(RINGSCOPE_TR_INCLUDES "${ringscope_tr_includes}" CACHE INTERNAL "Include paths for lupdate")
set(RINGSCOPE_TS_FILES "${ringscope_ts_files}" CACHE INTERNAL "Committed translation files")
set(RINGSCOPE_TS_PLURAL_ONLY "${ringscope_ts_plural_only}" CACHE INTERNAL "Committed plural-only translation")

# lupdate, by hand only: targets ringscope_ui_lupdate (and ringscope_ui_en_lupdate)
# under the global target update_translations.
qt_add_lupdate(ringscope_ui
  TS_FILES ${ringscope_ts_files}
  SOURCES ${ringscope_tr_sources}
  INCLUDE_DIRECTORIES ${ringscope_tr_includes}
  OPTIONS ${ringscope_lupdate_options})
if(ringscope_ts_plural_only)
  qt_add_lupdate(ringscope_ui_en
    TS_FILES ${ringscope_ts_plural_only}
    SOURCES ${ringscope_tr_sources}
    INCLUDE_DIRECTORIES ${ringscope_tr_includes}
    OPTIONS -pluralonly ${ringscope_lupdate_options})
endif()

# lrelease at build time (ringscope_ui_lrelease, a dependency of ringscope_ui),
# the .qm files in the build tree, embedded under :/i18n/.
qt_add_lrelease(ringscope_ui
  TS_FILES ${ringscope_ts_files} ${ringscope_ts_plural_only}
  OPTIONS -silent
  QM_FILES_OUTPUT_VARIABLE ringscope_qm_files)
qt_add_resources(ringscope_ui ringscope_ui_translations
  PREFIX /i18n
  BASE ${CMAKE_CURRENT_BINARY_DIR}
  FILES ${ringscope_qm_files})
