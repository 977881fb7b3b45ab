#include <cstdio>
#include <econind/econind.hpp>
int main() { return 0; }
