/**
 * The headers every HTTP answer carries (helmet): a strict Content-Security-Policy and the usual hardening. The
 * page needs no inline script (Vite builds one module file), so scripts come from this origin only; styles also
 * allow inline `style` attributes, which Svelte and the chart and 3-D libraries set on elements. The socket is on
 * this origin too ('self' covers ws: and wss: of the same host). No upgrade-insecure-requests: a lecture hall's
 * server is often plain HTTP on a LAN address, and upgrading its requests to HTTPS would break the page.
 */
import helmet from 'helmet';

export function securityHeaders(): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Plain HTTP on a LAN is a normal deployment: no HSTS that a later HTTPS visit would pin.
    strictTransportSecurity: false,
  });
}
