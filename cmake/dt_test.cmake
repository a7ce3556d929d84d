# dt_test(name SOURCES a_test.cpp ... LIBS dt_x ... [LABELS store] [SERIAL]) builds one GoogleTest binary and
# registers each of its tests with ctest. SERIAL: no other test may run beside these (they restart a shared
# server, for example).
function(dt_test name)
  cmake_parse_arguments(T "SERIAL" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  dt_warnings(${name})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE DT_DEFAULT_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set(labels unit)
  # One label only: gtest_discover_tests (CMake 3.25) writes a list's second item as a property name.
  list(LENGTH T_LABELS label_count)
  if(label_count GREATER 1)
    message(FATAL_ERROR "dt_test(${name}): give one label (the server it needs most), not ${T_LABELS}")
  endif()
  if(T_LABELS)
    set(labels ${T_LABELS})
  endif()
  set(serial FALSE)
  if(T_SERIAL)
    set(serial TRUE)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${labels}" RUN_SERIAL ${serial} TIMEOUT 120
                       DISCOVERY_TIMEOUT 30)
endfunction()
