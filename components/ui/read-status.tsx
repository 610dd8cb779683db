/** What a dialog that reads when it opens says meanwhile: that it is reading, or why the read failed. */
export function ReadStatus({ loading, error, loadingText }: { loading: boolean; error: string | null; loadingText: string }) {
  if (error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {error}
      </p>
    );
  }
  return loading ? (
    <p role="status" className="text-sm text-gray-600">
      {loadingText}
    </p>
  ) : null;
}
