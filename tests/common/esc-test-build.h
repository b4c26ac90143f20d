/* esc-test-build.h: what kind of build the tests run in.
 *
 * ESC_TEST_SANITIZED is 1 in the sanitizer build (build-aux/test's _build-asan): every
 * allocation there is checked and its stack unwound, and the code runs 5-20 times
 * slower. Tests that measure time print their figures there instead of checking them,
 * and tests that give the solver a time limit give it more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define ESC_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ESC_TEST_SANITIZED 1
#endif
#endif
#ifndef ESC_TEST_SANITIZED
#define ESC_TEST_SANITIZED 0
#endif

/* How much more time the sanitizer build gets: build-aux/test's timeout multiplier. */
#define ESC_TEST_TIME_FACTOR (ESC_TEST_SANITIZED ? 6.0 : 1.0)
