/**
 * The CIN census (children in need) return: an in-memory model, a secure streaming reader, the DfE validation rules of
 * the 2025-26 collection (109 codes, errors and queries), a writer and a synthetic census generator. Plain Java with no
 * database; the batch commands {@code validate-cin}, {@code generate-cin} and {@code bench-cin} live here too.
 *
 * <p>The rules are ported from data-to-insight/csc-validator-be-cin (MIT); where Oversight deliberately differs from that
 * reference, {@code docs/cin-census.md} says where and why.
 */
@org.springframework.modulith.NamedInterface("cin")
package org.oversight.childdata.cin;
