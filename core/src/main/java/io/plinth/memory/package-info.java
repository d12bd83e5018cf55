/**
 * The memory companion of seed 004 (V9.7): conversations and messages, memory units and media,
 * concepts and their communities, derived artifacts, cards, growth, challenges, prompts,
 * interaction logs and graph projections. Every model is scoped by user.
 */
package io.plinth.memory;
