# Every dependency comes from Debian bookworm packages (infra/setup.sh installs them).
find_package(Boost 1.81 REQUIRED COMPONENTS json url)
find_package(Threads REQUIRED)
find_package(spdlog REQUIRED)
find_package(GTest REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)
pkg_check_modules(RDKAFKA REQUIRED IMPORTED_TARGET rdkafka++ rdkafka)
find_package(CURL REQUIRED)

# Asio and Beast are compiled once, in libs/asio (their separate-compilation mode).
add_compile_definitions(BOOST_ASIO_SEPARATE_COMPILATION BOOST_BEAST_SEPARATE_COMPILATION
                        BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW
                        BOOST_ASIO_DISABLE_BOOST_COROUTINE)

# tcmalloc (gperftools, Debian's libgoogle-perftools-dev) for the services: they allocate many small objects per
# request, and glibc's malloc was about 30 % of the Catalog's CPU under load (docs/benchmarks.md). Not with the
# sanitizers, which bring their own allocator.
if(NOT DT_SANITIZE)
  find_library(TCMALLOC_LIBRARY NAMES tcmalloc_minimal REQUIRED)
endif()
function(dt_service_allocator target)
  if(NOT DT_SANITIZE)
    target_link_libraries(${target} PRIVATE ${TCMALLOC_LIBRARY})
  endif()
endfunction()
