// Stands in for the 'server-only' guard when tests import server modules outside Next.js.
export {};
