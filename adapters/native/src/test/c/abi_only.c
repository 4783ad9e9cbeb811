/*
 * A library that speaks the ABI but implements no side: the kit must name the function it lacks. Compiled with
 * -DREPORTED_ABI_VERSION=999u it claims a version the kit does not speak, and the kit must refuse it.
 */
#include "dbbuf_tck.h"

#ifndef REPORTED_ABI_VERSION
#define REPORTED_ABI_VERSION DBBUF_TCK_ABI_VERSION
#endif

uint32_t dbbuf_tck_abi_version(void) {
    return REPORTED_ABI_VERSION;
}
