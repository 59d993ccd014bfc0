// Read by the Vite plugin and by svelte-check. Svelte 5 compiles `<script lang="ts">` itself (type-only
// syntax), so no preprocessor is needed; runes mode is on for every component.
export default {
  compilerOptions: { runes: true },
};
