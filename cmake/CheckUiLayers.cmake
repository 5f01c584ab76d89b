# Fails when a file of ui/ includes what its layer must not (see the README's
# Layout): only the window and the app include the window; only the session
# includes the bridge's classes (models, views, panels and session files get
# the bridge's value types, bridge/livetypes.h, and nothing that owns asio).
file(GLOB_RECURSE _files "${UI_DIR}/*.h" "${UI_DIR}/*.cpp")
set(_bad "")
foreach(_f IN LISTS _files)
  file(RELATIVE_PATH _rel "${UI_DIR}" "${_f}")
  file(STRINGS "${_f}" _includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  foreach(_line IN LISTS _includes)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" _inc "${_line}")
    get_filename_component(_name "${_inc}" NAME)
    if(_name STREQUAL "mainwindow.h" AND NOT _rel MATCHES "^mainwindow")
      list(APPEND _bad "${_rel}: includes the window (${_inc})")
    endif()
    if(_inc MATCHES "bridge/" AND NOT _name STREQUAL "livetypes.h"
       AND NOT _rel MATCHES "^(bridge/|session/clustersession|mainwindow)")
      list(APPEND _bad "${_rel}: includes a bridge class (${_inc})")
    endif()
  endforeach()
endforeach()
if(_bad)
  list(JOIN _bad "\n" _msg)
  message(FATAL_ERROR "ui/ layering:\n${_msg}")
endif()
