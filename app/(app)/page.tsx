import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";

/** The front door: each role has its own home. */
export default async function Home() {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (viewer.membership?.role === "client") redirect("/portal");
  redirect("/clients");
}
