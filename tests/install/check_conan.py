"""Checks the Conan 2 recipe (conanfile.py, test_package/).

  python3 check_conan.py recipe <source dir>
      Without Conan: both recipes compile, and conanfile.py, run against stand-ins for the
      conan modules it imports, declares this project's version, a requirement for every
      package the build finds (CLI11 only with the "tools" option), the sources the build
      needs, and the package information a consumer's CMakeDeps relies on (econind::econind).

  python3 check_conan.py create <source dir> <work dir> [name=version ...]
      With Conan (the `conan` on PATH, or $CONAN): `conan create` of a copy of the recipe with
      a private CONAN_HOME, no remote, and the given packages as [platform_requires] (the
      system's libraries standing in for ConanCenter's), shared. Exits 77 (skipped) without
      Conan. A static build cannot be checked this way: platform packages carry no link flags,
      so its test_package does not link.
"""
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import types

SKIPPED = 77

# What each find_package of the build needs from Conan (None: part of the platform).
CONAN_NAME = {"ICU": "icu", "Boost": "boost", "spdlog": "spdlog", "nlohmann_json": "nlohmann_json",
              "CLI11": "cli11", "Threads": None, "PkgConfig": None}


def fail(message):
    sys.exit("check_conan.py: " + message)


def project_version(source):
    with open(os.path.join(source, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"^project\(econind VERSION ([0-9.]+)", f.read(), re.M).group(1)


def found_packages(source, files):
    names = []
    for rel in files:
        with open(os.path.join(source, rel), encoding="utf-8") as f:
            names += re.findall(r"^\s*find_package\((\w+)", f.read(), re.M)
    return names


# ---- Stand-ins for the conan modules ----------------------------------------------------------

class _Options(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value

    def __delattr__(self, name):
        del self[name]

    def rm_safe(self, name):
        self.pop(name, None)

    def get_safe(self, name, default=None):
        return self.get(name, default)


class _DependencyOptions(dict):
    def __getitem__(self, package):
        return self.setdefault(package, _Options())


class _RecipeOptions(_Options):
    def __getitem__(self, name):
        if name not in self:  # self.options["boost"]: a dependency's options
            deps = dict.setdefault(self, "__deps__", _DependencyOptions())
            return deps[name]
        return dict.__getitem__(self, name)


class _CppInfo:
    def __init__(self):
        self.properties = {}
        self.libs, self.defines, self.requires, self.system_libs = [], [], [], []

    def set_property(self, name, value):
        self.properties[name] = value


def _install_stand_ins(recipe_folder):
    class ConanFile:
        def __init__(self, settings_os="Linux", **options):
            self.recipe_folder = recipe_folder
            self.settings = types.SimpleNamespace(os=settings_os)
            self.options = _RecipeOptions(self.default_options)
            self.options.update(options)
            self.cpp_info = _CppInfo()
            self.requirements_made = []

        def requires(self, ref, **traits):
            self.requirements_made.append(ref)

    def load(conanfile, path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    def unused(*args, **kwargs):
        raise AssertionError("not expected to run in this check")

    modules = {
        "conan": {"ConanFile": ConanFile},
        "conan.tools": {},
        "conan.tools.build": {"check_min_cppstd": unused, "can_run": unused},
        "conan.tools.cmake": {"CMake": unused, "CMakeDeps": unused, "CMakeToolchain": unused,
                              "cmake_layout": unused},
        "conan.tools.files": {"copy": unused, "load": load, "rmdir": unused},
    }
    for name, attrs in modules.items():
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        sys.modules[name] = module


def check_recipe(source):
    recipe = os.path.join(source, "conanfile.py")
    for path in (recipe, os.path.join(source, "test_package", "conanfile.py")):
        with open(path, encoding="utf-8") as f:
            compile(f.read(), path, "exec")  # what py_compile checks, without writing a .pyc
    _install_stand_ins(source)
    namespace = {}
    with open(recipe, encoding="utf-8") as f:
        exec(compile(f.read(), recipe, "exec"), namespace)
    recipe_class = next(v for v in namespace.values() if isinstance(v, type) and v.__name__ != "ConanFile"
                        and issubclass(v, sys.modules["conan"].ConanFile))

    def make(**options):
        conanfile = recipe_class(**options)
        conanfile.set_version()
        conanfile.config_options()
        conanfile.configure()
        conanfile.requirements()
        conanfile.package_info()
        return conanfile

    version = project_version(source)
    static, shared, tools = make(), make(shared=True), make(tools=True)
    if static.version != version:
        fail(f"conanfile.py gives version {static.version}; the CMake project is {version}")
    if static.name != "econind":
        fail(f"conanfile.py names the package {static.name}")
    if "fPIC" in shared.options:
        fail("a shared build must drop the fPIC option")
    if shared.options["__deps__"]["boost"].get("i18n_backend_icu") is not True:
        fail("boost must be built with its ICU backend (boost/*:i18n_backend_icu=True) for boost::u32regex")

    def names(conanfile):
        return {re.match(r"[\w.+-]+", ref).group(0) for ref in conanfile.requirements_made}

    library = found_packages(source, ["CMakeLists.txt", "lib/CMakeLists.txt"])
    cli = found_packages(source, ["examples/CMakeLists.txt"])
    for pkg in library + cli:
        if pkg not in CONAN_NAME:
            fail(f"the build finds {pkg}: add its Conan requirement to conanfile.py and to CONAN_NAME in {__file__}")
    want = {CONAN_NAME[p] for p in library} - {None}
    want_tools = want | {CONAN_NAME[p] for p in cli} - {None}
    if names(static) != want:
        fail(f"conanfile.py requires {sorted(names(static))}; the library's build finds {sorted(want)}")
    if names(tools) != want_tools:
        fail(f"with tools=True conanfile.py requires {sorted(names(tools))}; the build finds {sorted(want_tools)}")

    for conanfile in (static, shared, tools):
        info = conanfile.cpp_info
        if info.properties.get("cmake_target_name") != "econind::econind" or \
                info.properties.get("cmake_file_name") != "econind":
            fail(f"package_info() must declare econind::econind from find_package(econind): {info.properties}")
        if info.libs != ["econind"]:
            fail(f"package_info() libs: {info.libs}")
        # Conan rejects a requirement no component requires: each must appear in cpp_info.requires.
        required = {r.split("::")[0] for r in info.requires}
        if required != names(conanfile):
            fail(f"cpp_info.requires covers {sorted(required)}, the requirements are {sorted(names(conanfile))}")
    if "ECONIND_SHARED" not in shared.cpp_info.defines or "ECONIND_SHARED" in static.cpp_info.defines:
        fail("ECONIND_SHARED must be defined for the shared package only")

    # The exported sources hold every file the build reads.
    patterns = recipe_class.exports_sources
    for top in ("CMakeLists.txt", "LICENSE", "cmake", "include", "lib", "examples"):
        path = os.path.join(source, top)
        files = [top] if os.path.isfile(path) else [
            os.path.relpath(os.path.join(d, f), source).replace(os.sep, "/")
            for d, _, fs in os.walk(path) for f in fs]
        for rel in files:
            if not any(fnmatch.fnmatch(rel, p) for p in patterns):
                fail(f"exports_sources {patterns} leaves out {rel}")

    with open(os.path.join(source, "test_package", "CMakeLists.txt"), encoding="utf-8") as f:
        test_cmake = f.read()
    if "find_package(econind CONFIG REQUIRED)" not in test_cmake or "econind::econind" not in test_cmake:
        fail("test_package/CMakeLists.txt must use find_package(econind CONFIG REQUIRED) and econind::econind")
    print(f"conanfile.py: econind {version}; requires {sorted(names(static))} (+ cli11 with tools=True); "
          f"econind::econind; exports every source file; test_package compiles")


def check_create(source, work, platform_requires):
    conan = os.environ.get("CONAN") or shutil.which("conan")
    if not conan:
        print("conan is not installed: skipped (see README, 'vcpkg and Conan')")
        sys.exit(SKIPPED)
    recipe = os.path.join(work, "recipe")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(recipe)
    # A copy, so that conan writes neither test_package/build nor CMakeUserPresets.json here.
    for top in ("conanfile.py", "CMakeLists.txt", "LICENSE", "cmake", "include", "lib", "examples",
                "test_package"):
        src = os.path.join(source, top)
        (shutil.copytree if os.path.isdir(src) else shutil.copy2)(src, os.path.join(recipe, top))
    env = dict(os.environ, CONAN_HOME=os.path.join(work, "conan-home"))
    profile = os.path.join(work, "system.profile")
    with open(profile, "w", encoding="utf-8") as f:
        f.write("[platform_requires]\n" + "".join(r + "\n" for r in platform_requires))

    def run(*args):
        print("+ conan " + " ".join(args), flush=True)
        subprocess.run([conan, *args], env=env, check=True)

    run("profile", "detect", "--force")
    run("create", recipe, "-pr:a", "default", "-pr:a", profile, "--build=missing", "-nr",
        "-o", "econind/*:shared=True")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "recipe":
        check_recipe(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "create":
        check_create(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
