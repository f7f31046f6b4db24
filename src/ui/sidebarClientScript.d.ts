// The Update progress sidebar's browser script, bundled from src/client/sidebar.ts and defined by esbuild.config.mjs.

/** The whole client script as text (no "</script"), printed into the sidebar page's one <script> element. */
declare const SIDEBAR_CLIENT_JS: string;
