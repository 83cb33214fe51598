import { type PortalUser, setAsParameter } from '../lib/status';

/** "Viewing as": one of the seeded users of the roles a page serves; the choice is kept in `?as=`. */
export function UserPicker({
  users,
  selected,
  onChange,
  label = 'Viewing as',
}: {
  users: readonly PortalUser[];
  selected: PortalUser;
  onChange: (user: PortalUser) => void;
  label?: string;
}) {
  return (
    <div>
      <label htmlFor="viewing-as">{label}</label>
      <select
        id="viewing-as"
        value={selected.userId}
        onChange={(event) => {
          const user = users.find((candidate) => candidate.userId === event.target.value);
          if (!user) return;
          setAsParameter(user.userId);
          onChange(user);
        }}
      >
        {users.map((user) => (
          <option key={user.userId} value={user.userId}>
            {user.name} ({user.role.toLowerCase().replace('_', ' ')}, {user.userId})
          </option>
        ))}
      </select>
    </div>
  );
}
