import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-blue-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-gray-600">The address may be mistyped, or the year or item may not be there.</p>
      <Link href="/" className="btn-primary mt-6">
        Back to the dashboard
      </Link>
    </main>
  );
}
