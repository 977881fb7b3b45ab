import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir

required_conan_version = ">=2.0"


class EconindConan(ConanFile):
    name = "econind"
    description = ("Economic indicators (money, percentages, counts, rankings) from news about "
                   "Chinese high-tech zones, parks and clusters")
    license = "MIT"
    topics = ("information-extraction", "economics", "chinese", "nlp")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "shared": [True, False],
        "fPIC": [True, False],
        "tools": [True, False],  # the econind command-line tool
    }
    default_options = {
        "shared": False,
        "fPIC": True,
        "tools": False,
    }
    # The recipe sits in the source tree and builds it.
    exports_sources = "CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "lib/*", "examples/*"

    def set_version(self):
        # The one version number is the CMake project's.
        cmakelists = load(self, os.path.join(self.recipe_folder, "CMakeLists.txt"))
        self.version = re.search(r"project\(econind VERSION ([0-9.]+)", cmakelists).group(1)

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")
        # boost::u32regex: Boost.Regex with its ICU support.
        self.options["boost"].i18n_backend_icu = True

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # No public header names a type of these, so none is a transitive header.
        self.requires("boost/[>=1.74 <2]")
        self.requires("icu/[>=70]")
        self.requires("spdlog/[>=1.10 <2]")
        self.requires("nlohmann_json/[>=3.10 <4]")
        if self.options.tools:
            self.requires("cli11/[>=2.1 <3]")

    def validate(self):
        check_min_cppstd(self, 17)

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["ECONIND_BUILD_TESTS"] = False
        tc.cache_variables["ECONIND_BUILD_EXAMPLES"] = bool(self.options.tools)
        tc.cache_variables["ECONIND_INSTALL"] = True
        tc.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        CMake(self).install()
        # Conan's generators describe the package from package_info() instead.
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "econind")
        self.cpp_info.set_property("cmake_target_name", "econind::econind")
        self.cpp_info.set_property("pkg_config_name", "econind")
        self.cpp_info.libs = ["econind"]
        if self.options.shared:
            self.cpp_info.defines = ["ECONIND_SHARED"]
        self.cpp_info.requires = ["boost::regex", "icu::icu-uc", "icu::icu-i18n", "icu::icu-data",
                                  "spdlog::spdlog", "nlohmann_json::nlohmann_json"]
        if self.options.tools:
            self.cpp_info.requires.append("cli11::cli11")
        if self.settings.os in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["m", "pthread"]
