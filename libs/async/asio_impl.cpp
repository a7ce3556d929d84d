// Compiles Asio once for the whole project (BOOST_ASIO_SEPARATE_COMPILATION is set globally).
#include <boost/asio/impl/src.hpp>
