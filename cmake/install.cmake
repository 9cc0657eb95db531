# What `cmake --install` puts where, and the Debian package built from it (`cpack -G DEB`,
# run in the build folder). The layout is Debian's: the binary in bin, the man page, the
# completions where bash-completion, zsh and fish look for them, and the guides, examples
# and the copyright file in share/doc/kansrijk. The binary finds that folder relative to
# itself to point its help at it (src/cli/cli.cpp).
include(GNUInstallDirs)

install(TARGETS kansrijk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${KANSRIJK_DOCGEN_DIR}/kansrijk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${KANSRIJK_DOCGEN_DIR}/kansrijk.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME kansrijk)
install(FILES ${KANSRIJK_DOCGEN_DIR}/_kansrijk DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${KANSRIJK_DOCGEN_DIR}/kansrijk.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

set(KANSRIJK_MAINTAINER "kansrijk developers <dev@kansrijk.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

# The copyright file in Debian's machine-readable format, with the licence text taken from
# LICENSE: each line indented by one space, an empty line written as " .".
file(READ ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE KANSRIJK_LICENCE_TEXT)
string(REGEX REPLACE "\n+$" "" KANSRIJK_LICENCE_TEXT "${KANSRIJK_LICENCE_TEXT}")
string(REPLACE "\n" "\n " KANSRIJK_LICENCE_TEXT " ${KANSRIJK_LICENCE_TEXT}")
string(REGEX REPLACE "\n \n" "\n .\n" KANSRIJK_LICENCE_TEXT "${KANSRIJK_LICENCE_TEXT}")
string(REGEX REPLACE "\n \n" "\n .\n" KANSRIJK_LICENCE_TEXT "${KANSRIJK_LICENCE_TEXT}")
configure_file(packaging/copyright.in ${CMAKE_CURRENT_BINARY_DIR}/generated/copyright @ONLY)

# The Debian changelog (packaging/changelog, kept by hand); its newest entry must be this
# version, so a release cannot ship an old changelog.
file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog KANSRIJK_CHANGELOG_TOP LIMIT_COUNT 1)
if(NOT KANSRIJK_CHANGELOG_TOP MATCHES "^kansrijk \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "packaging/changelog: the newest entry is \"${KANSRIJK_CHANGELOG_TOP}\", "
                      "not version ${PROJECT_VERSION}; add an entry for it")
endif()
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/generated/changelog.gz
  COMMAND gzip -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog > ${CMAKE_CURRENT_BINARY_DIR}/generated/changelog.gz
  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog)
add_custom_target(kansrijk_changelog ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/generated/changelog.gz)

# README.md links to docs/...; the folder keeps that layout so the links work where installed.
install(FILES README.md ${CMAKE_CURRENT_BINARY_DIR}/generated/copyright ${CMAKE_CURRENT_BINARY_DIR}/generated/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
# The built-in framework is compiled into the binary; its YAML is shipped to read, to
# validate, and to start a framework of one's own from.
install(DIRECTORY frameworks/tno-arbeidsdeskundige DESTINATION ${CMAKE_INSTALL_DATADIR}/kansrijk/frameworks)

set(CPACK_PACKAGE_NAME kansrijk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${KANSRIJK_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "assess whether an AI application suits a labour expert's work")
# The long description; CPack puts the summary above it and indents it as Debian wants.
set(CPACK_PACKAGE_DESCRIPTION
    "kansrijk helps Dutch arbeidsdeskundigen (labour experts) and the organisations
around them decide whether an AI application is a good idea for a piece of
their work, and under which conditions. An AI use case is described in a small
YAML or JSON file; kansrijk weighs it along the building blocks of TNO's
framework and prints a report (text, Markdown, HTML or JSON) in which every
statement names the rule and the source it comes from.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # kansrijk_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: from the shared libraries the binary links, as dpkg-shlibdeps finds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Only the kansrijk files: not the directories /usr, /usr/bin ... that every system owns.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_GENERATOR DEB)
include(CPack)
