// Compiles Beast once for the whole project (BOOST_BEAST_SEPARATE_COMPILATION is set globally).
#include <boost/beast/src.hpp>
