import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, Unreachable, api } from '../api/client.ts';
import { redirectBreaker } from '../auth/redirect-breaker.ts';
import { useAuthStore } from '../auth/store.ts';
import { tokens } from '../auth/tokens.ts';

const reasons: Record<string, string> = {
  'session-expired': 'Your session has expired. Please sign in again.',
  'redirect-loop': 'We stopped a sign-in redirect loop. Please sign in again.',
};

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = useAuthStore((s) => s.signIn);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = reasons[params.get('reason') ?? ''];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { user, ...pair } = await api.login(String(form.get('email')), String(form.get('password')));
      tokens.save(pair);
      redirectBreaker.reset();
      signIn(user);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      void navigate('/dashboard', { replace: true });
    } catch (caught) {
      // The api's refusal, or that nothing answered: both say what to do next. The form keeps what was typed.
      setError(caught instanceof ApiError || caught instanceof Unreachable ? caught.message : 'Sign-in failed. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main>
      <h1>Sign in</h1>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Email <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
