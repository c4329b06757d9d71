// `npm start`: the built app in one process (scripts/app-server.ts), after
// scripts/prestart.ts has built it and prepared the database.
import { serveApp } from "./app-server";

const port = Number(process.env.PORT ?? 3000);
await serveApp(port);
console.log(`Serving http://localhost:${port}`);
