// The types of docs/ipn/verify-ipn.js, which the build copies next to main.js.
import type { IncomingHttpHeaders } from "node:http";

/** Checks the IPN's hash and Standard Webhooks signature; throws an Error saying why when either fails. */
export function verifyIpn(rawBody: string | Buffer, headers: IncomingHttpHeaders | Record<string, string>, ipnSecret: string): URLSearchParams;
