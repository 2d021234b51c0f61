/** The demo data's sign-ins, shown on the sign-in page in demo mode (db/seed.ts creates them). */
export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_ACCOUNTS = [
  { email: "owner@sakura.example", description: "さくらEC / owner" },
  { email: "manager@sakura.example", description: "さくらEC / manager" },
  { email: "op1@sakura.example", description: "さくらEC / operator" },
  { email: "op2@sakura.example", description: "さくらEC / operator" },
  { email: "client@sakura.example", description: "さくらEC / client" },
  { email: "client2@sakura.example", description: "さくらEC / client" },
  { email: "owner@fuji.example", description: "富士コマース / owner" },
  { email: "manager@fuji.example", description: "富士コマース / manager" },
  { email: "client@fuji.example", description: "富士コマース / client" },
] as const;
