// Connects lab/page_kernels.h to the student's modules in the lab worker's JavaScript.
#pragma once

#include "lab/page_kernels.h"

// Call once, before the first page kernel is registered.
void install_page_host();
