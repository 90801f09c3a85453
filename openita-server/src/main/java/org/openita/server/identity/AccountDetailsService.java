package org.openita.server.identity;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's view of an account: its role, and whether it is locked or disabled. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AccountDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccounts.Row row = accounts.row(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(row.username())
                .password(row.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority(Role.valueOf(row.role()).authority())))
                .accountLocked(accounts.lockedNow(row.account()))
                .disabled(!row.enabled())
                .build();
    }
}
