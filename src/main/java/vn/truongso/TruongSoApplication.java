package vn.truongso;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Trường Số: one application for a school, a district office (Phòng GDĐT) or a city department (Sở GDĐT).
 * Each top-level package below this one is a Spring Modulith application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TruongSoApplication {

    public static void main(String[] args) {
        SpringApplication.run(TruongSoApplication.class, args);
    }
}
