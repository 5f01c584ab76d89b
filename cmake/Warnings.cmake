add_library(ringscope_warnings INTERFACE)
target_compile_options(ringscope_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
  $<$<BOOL:${RINGSCOPE_WERROR}>:-Werror>)

if(RINGSCOPE_SANITIZE)
  add_compile_options(-fsanitize=${RINGSCOPE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${RINGSCOPE_SANITIZE})
endif()

# Qt code gets the house defines; core never sees them.
add_library(ringscope_qt_defines INTERFACE)
target_compile_definitions(ringscope_qt_defines INTERFACE
  QT_NO_CAST_FROM_ASCII QT_USE_QSTRINGBUILDER QT_NO_FOREACH QT_NO_CAST_TO_ASCII)
