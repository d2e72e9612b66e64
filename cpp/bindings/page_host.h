// Connects lab/page_kernels.h to the student's modules in the lab worker's JavaScript.
#pragma once

#include "lab/page_kernels.h"

// Makes it the host page kernels call; registering a page kernel calls it (again is harmless).
void install_page_host();
