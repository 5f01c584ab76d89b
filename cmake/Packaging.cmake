# The Debian package: `cmake --build build/dev && cd build/dev && cpack -G DEB`
# makes ringscope_<version>_<arch>.deb from what `cmake --install` installs.
# dpkg-shlibdeps (package dpkg-dev) fills in Depends from the programs' shared
# libraries; what is loaded at run time is named here.
set(RINGSCOPE_PACKAGE_MAINTAINER "RingScope developers <ringscope@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_PACKAGE_NAME ringscope)
set(CPACK_PACKAGE_VENDOR "RingScope developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${RINGSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/ringscope/ringscope")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "RingScope shows how keys are spread over a cluster of memcached servers: the
consistent-hash ring, which server owns which key, and how keys move when
servers are added, removed or fail. It places keys exactly as libmemcached,
twemproxy, python-memcached, pymemcache, spymemcached, nginx, mcrouter and
memcached's own proxy do.
.
The desktop program (ringscope) runs a local demo cluster of real memcached
processes, or watches a real cluster read-only; ringscope-cli places keys,
compares distribution methods, audits where keys really are and copies keys
ahead of a planned change.")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${RINGSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The demo cluster runs memcached; its proxies nutcracker and nginx
# (nginx-light has the memcached module).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "memcached, nutcracker, nginx-light | nginx")
if(RINGSCOPE_BUILD_GUI)
  # Qt loads the SVG icon engine and image plugin at run time; on Debian 12
  # both are in libqt6svg6, which no program links.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
endif()

include(CPack)
