#pragma once
// One include for Catch2 2.x (Debian) and 3.x (vcpkg, Conan).
#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif
