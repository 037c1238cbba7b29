"""The 22 agencies serving at MPP Kota Probolinggo: 12 perangkat daerah and 10 vertical/state offices.

The vertical tenants follow the cooperation agreements of 2019 (KPP Pratama, Bea Cukai, Polres
Probolinggo Kota, Kemenag, Bank Jatim, Kantor Pos, BPJS Kesehatan, BPJS Ketenagakerjaan, PDAM)
and the immigration work unit opened in 2020. Main-office addresses and phone numbers are plausible
demo values, not a directory.

Each agency's ``defaults`` holds the internal components of the service standard
(PermenPANRB 15/2014) shared by all its services; a service may override any of them.
"""

MPP_BUILDING = "Gedung MPP Kota Probolinggo"
# The MPP occupies the former Islamic Centre building (opened 2019, rebuilt 2022-2023).
MPP_ADDRESS = "Jl. Basuki Rachmad, Kelurahan Mangunharjo, Kecamatan Mayangan, Kota Probolinggo 67217"
MPP_HOURS = "Senin–Kamis pukul 08.00–14.00 WIB dan Jumat pukul 08.00–11.00 WIB"
MPP_WHATSAPP = "0812-3300-1234"

_MPP_FACILITIES = (
    "Ruang tunggu ber-AC dengan kursi antrean, mesin antrean elektronik dan layar informasi; loket "
    "prioritas bagi kelompok rentan (lansia, penyandang disabilitas, ibu hamil, orang tua dengan bayi "
    "atau balita); bidang miring dan jalur pemandu difabel, kursi roda, toilet difabel, ruang laktasi, "
    "ruang bermain anak, pojok baca, musala, area parkir, Wi-Fi gratis, komputer swalayan untuk "
    "permohonan daring, serta meja dan kotak pengaduan."
)
_MPP_SECURITY = (
    "Gedung MPP dilengkapi CCTV 24 jam, petugas keamanan, alat pemadam api ringan, jalur evakuasi dan "
    "titik kumpul, kotak P3K serta petugas yang terlatih pertolongan pertama. Data pribadi pemohon "
    "dijaga kerahasiaannya sesuai UU 27/2022 tentang Pelindungan Data Pribadi dan hanya digunakan "
    "untuk keperluan layanan."
)
_MPP_EVALUATION = (
    "Survei Kepuasan Masyarakat (SKM) dilaksanakan terus-menerus melalui tablet di loket dan tautan "
    "daring, dilaporkan per semester sesuai PermenPANRB 14/2017. Hasil SKM, capaian jangka waktu "
    "penyelesaian dan tindak lanjut pengaduan dibahas dalam rapat evaluasi bulanan pengelola MPP."
)


def _complaints(extra: str, email: str) -> str:
    return (
        "Pengaduan, saran dan masukan dapat disampaikan melalui: (1) SP4N-LAPOR! di www.lapor.go.id "
        "atau SMS 1708; (2) meja pengaduan MPP Kota Probolinggo di lantai 1; (3) WhatsApp pengaduan "
        f"MPP {MPP_WHATSAPP}; (4) email {email}; (5) kotak saran di setiap loket. {extra}"
        "Pengaduan dijawab paling lama 5 hari kerja sejak diterima, dan identitas pelapor dirahasiakan."
    )


def _defaults(
    *,
    facilities: str,
    competence: str,
    supervision: str,
    staffing: str,
    guarantee: str,
    security: str = "",
    evaluation: str = "",
    complaints: str,
) -> dict:
    return {
        "facilities": f"{_MPP_FACILITIES} {facilities}",
        "competence": competence,
        "internal_supervision": supervision,
        "staffing": staffing,
        "service_guarantee": guarantee,
        "security_guarantee": f"{_MPP_SECURITY} {security}".strip(),
        "performance_evaluation": f"{_MPP_EVALUATION} {evaluation}".strip(),
        "complaint_handling": complaints,
    }


def _local_guarantee(unit: str) -> str:
    return (
        f"Pelayanan diberikan sesuai standar pelayanan dan Maklumat Pelayanan {unit} yang ditandatangani "
        "kepala perangkat daerah. Apabila jangka waktu penyelesaian terlampaui karena kelalaian petugas, "
        "pemohon berhak memperoleh penjelasan tertulis dan produk diantar ke alamat pemohon tanpa biaya "
        "sebagai kompensasi. Tidak ada pungutan di luar tarif resmi."
    )


AGENCIES: list[dict] = [
    # ------------------------------------------------------------------ perangkat daerah (12)
    {
        "slug": "dpmptsp",
        "name": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Probolinggo",
        "short_name": "DPMPTSP",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Probolinggo",
        "description": (
            "Pengelola Mal Pelayanan Publik dan penyelenggara perizinan serta nonperizinan Pemerintah Kota "
            "Probolinggo melalui OSS RBA, SiCantik Cloud dan SimBG. Melayani izin praktik tenaga kesehatan, "
            "izin fasilitas kesehatan, reklame, tata ruang, perdagangan dan pendidikan."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1, {MPP_ADDRESS}",
        "phone": "(0335) 432510",
        "email": "dpmptsp@probolinggokota.go.id",
        "opening_notes": (
            f"Loket perizinan DPMPTSP di MPP melayani {MPP_HOURS}. Nomor antrean ditutup 30 menit sebelum "
            "layanan berakhir. Permohonan daring melalui SiCantik Cloud dan OSS RBA dapat diajukan 24 jam; "
            "berkas yang masuk di luar jam layanan diproses pada hari kerja berikutnya."
        ),
        "counters": [
            "Loket Perizinan 1",
            "Loket Perizinan 2",
            "Loket Konsultasi Perizinan",
            "Loket Pengambilan Izin",
        ],
        "defaults": _defaults(
            facilities=(
                "Loket DPMPTSP menyediakan ruang konsultasi perizinan, komputer pendampingan OSS RBA, pemindai "
                "berkas dan layar pemantauan status permohonan SiCantik."
            ),
            competence=(
                "Petugas front office berpendidikan minimal D3, memahami OSS RBA, SiCantik Cloud dan SimBG, "
                "serta telah mengikuti pelatihan pelayanan prima. Verifikator teknis berpendidikan minimal S1 "
                "sesuai bidang perizinan dan memahami peraturan perizinan berusaha berbasis risiko."
            ),
            supervision=(
                "Pengawasan melekat oleh Kepala Bidang Pelayanan Perizinan dan Sekretaris Dinas; audit "
                "berkala oleh Inspektorat Kota Probolinggo; pemantauan jangka waktu setiap tahap melalui "
                "dasbor SiCantik dan Smart MPP."
            ),
            staffing=(
                "4 petugas front office, 1 petugas informasi dan konsultasi, 8 verifikator back office, "
                "1 Kepala Bidang Pelayanan Perizinan dan 1 Kepala Dinas sebagai penanda tangan."
            ),
            guarantee=_local_guarantee("DPMPTSP Kota Probolinggo")
            + " Dokumen izin ditandatangani secara elektronik dan dapat diverifikasi melalui kode QR.",
            security=(
                "Dokumen izin ditandatangani dengan sertifikat elektronik BSrE-BSSN dan dilengkapi kode QR "
                "untuk pemeriksaan keaslian."
            ),
            evaluation="Kinerja verifikator dinilai dari kepatuhan jangka waktu setiap tahap SOP di SiCantik.",
            complaints=_complaints(
                "Pengaduan terkait perizinan berusaha juga dapat disampaikan melalui fitur pengaduan OSS RBA. ",
                "dpmptsp@probolinggokota.go.id",
            ),
        ),
    },
    {
        "slug": "dispendukcapil",
        "name": "Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo",
        "short_name": "Dispendukcapil",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo",
        "description": (
            "Melayani pendaftaran penduduk dan pencatatan sipil: KTP-el, Kartu Keluarga, KIA, akta "
            "kelahiran, akta kematian, perpindahan penduduk dan Identitas Kependudukan Digital. Seluruh "
            "layanan administrasi kependudukan tidak dipungut biaya."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor induk Jl. Mastrip No. 155, Kanigaran, Kota Probolinggo",
        "phone": "(0335) 421385",
        "email": "dispendukcapil@probolinggokota.go.id",
        "opening_notes": (
            f"Loket Dispendukcapil di MPP melayani {MPP_HOURS}. Perekaman KTP-el dan aktivasi IKD dilayani "
            "hingga 1 jam sebelum layanan berakhir. Lansia, penyandang disabilitas dan warga sakit dapat "
            "meminta perekaman jemput bola melalui kelurahan."
        ),
        "counters": ["Loket Adminduk 1", "Loket Adminduk 2", "Loket Perekaman KTP-el", "Loket Akta Capil"],
        "defaults": _defaults(
            facilities=(
                "Loket Dispendukcapil dilengkapi alat perekaman biometrik KTP-el (kamera, pemindai sidik jari "
                "dan iris, tanda tangan digital), printer KTP-el dan KIA, serta anjungan dukcapil mandiri."
            ),
            competence=(
                "Petugas memiliki hak akses SIAK Terpusat, telah mengikuti bimbingan teknis administrasi "
                "kependudukan dari Ditjen Dukcapil Kemendagri, dan memahami Perpres 96/2018 serta "
                "Permendagri 108/2019."
            ),
            supervision=(
                "Pengawasan oleh Kepala Bidang Pelayanan Pendaftaran Penduduk dan Kepala Bidang Pelayanan "
                "Pencatatan Sipil; pemantauan log akses SIAK oleh operator database; audit Inspektorat Kota "
                "Probolinggo."
            ),
            staffing=(
                "5 petugas loket di MPP (2 pendaftaran penduduk, 2 pencatatan sipil, 1 perekaman KTP-el), "
                "6 operator SIAK di kantor induk, 2 kepala bidang dan 1 kepala dinas."
            ),
            guarantee=_local_guarantee("Dispendukcapil Kota Probolinggo")
            + " Dokumen kependudukan diterbitkan dengan tanda tangan elektronik dan gratis.",
            security=(
                "Akses SIAK menggunakan akun personal dan jaringan VPN Ditjen Dukcapil; blangko KTP-el "
                "disimpan dalam lemari terkunci dan penggunaannya dicatat."
            ),
            complaints=_complaints(
                "Pengaduan juga dapat disampaikan melalui call center Ditjen Dukcapil 1500537. ",
                "dispendukcapil@probolinggokota.go.id",
            ),
        ),
    },
    {
        "slug": "dinkes-ppkb",
        "name": "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Kota Probolinggo",
        "short_name": "Dinkes PPKB",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Kota Probolinggo",
        "description": (
            "Memberikan rekomendasi teknis izin praktik dan fasilitas kesehatan, penyuluhan keamanan pangan "
            "bagi industri rumah tangga, inspeksi kesehatan lingkungan, pemeriksaan laboratorium kesehatan "
            "daerah serta layanan keluarga berencana."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor induk Jl. Ahmad Yani No. 4, Kota Probolinggo",
        "phone": "(0335) 421471",
        "email": "dinkes@probolinggokota.go.id",
        "opening_notes": (
            f"Meja layanan Dinkes PPKB di MPP buka {MPP_HOURS}. Jadwal penyuluhan keamanan pangan diumumkan "
            "setiap awal bulan; pengambilan sampel air dilakukan Senin sampai Rabu agar dapat diperiksa "
            "di laboratorium pada minggu yang sama."
        ),
        "counters": ["Loket Kesehatan"],
        "defaults": _defaults(
            facilities=(
                "Meja layanan kesehatan dilengkapi materi edukasi keamanan pangan, formulir rujukan KB dan "
                "wadah sampel air steril untuk pemeriksaan laboratorium."
            ),
            competence=(
                "Petugas berlatar pendidikan kesehatan (kesehatan masyarakat, sanitasi lingkungan, "
                "farmasi, kebidanan) dengan STR aktif; penyuluh keamanan pangan bersertifikat dari BPOM; "
                "sanitarian terlatih inspeksi kesehatan lingkungan."
            ),
            supervision=(
                "Pengawasan oleh Kepala Bidang Kesehatan Masyarakat dan Kepala Bidang Sumber Daya Kesehatan; "
                "mutu laboratorium dipantau melalui pemantapan mutu internal dan eksternal."
            ),
            staffing="2 petugas meja layanan di MPP, 4 sanitarian, 3 penyuluh keamanan pangan dan 3 analis laboratorium.",
            guarantee=_local_guarantee("Dinkes PPKB Kota Probolinggo"),
            security="Sampel laboratorium diberi kode dan dicatat dalam rantai pengawasan sampel.",
            complaints=_complaints("", "dinkes@probolinggokota.go.id"),
        ),
    },
    {
        "slug": "dpupr-pkp",
        "name": (
            "Dinas Pekerjaan Umum dan Penataan Ruang, Perumahan dan Kawasan Permukiman Kota Probolinggo"
        ),
        "short_name": "DPUPR-PKP",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas PUPR-PKP Kota Probolinggo",
        "description": (
            "Menyelenggarakan Persetujuan Bangunan Gedung dan Sertifikat Laik Fungsi melalui SimBG, "
            "Keterangan Rencana Kota, pengesahan rencana tapak perumahan serta izin pemanfaatan ruang "
            "milik jalan kota."
        ),
        "address": f"{MPP_BUILDING}, Lantai 2; kantor induk Jl. Dr. Sutomo No. 56, Kota Probolinggo",
        "phone": "(0335) 421164",
        "email": "dpupr@probolinggokota.go.id",
        "opening_notes": (
            f"Loket SimBG di MPP melayani konsultasi dan pendampingan pengunggahan dokumen {MPP_HOURS}. "
            "Sidang Tim Profesi Ahli dan Tim Penilai Teknis dijadwalkan setiap Selasa dan Kamis."
        ),
        "counters": ["Loket SimBG", "Loket Konsultasi Bangunan"],
        "defaults": _defaults(
            facilities=(
                "Loket SimBG dilengkapi layar besar untuk konsultasi gambar teknis, peta rencana detail tata "
                "ruang digital dan contoh desain prototipe rumah sederhana."
            ),
            competence=(
                "Verifikator berpendidikan teknik sipil, arsitektur atau perencanaan wilayah; Tim Penilai "
                "Teknis dan Tim Profesi Ahli ditetapkan dengan keputusan Wali Kota dan memiliki sertifikat "
                "kompetensi sesuai PP 16/2021."
            ),
            supervision=(
                "Pengawasan oleh Kepala Bidang Tata Bangunan dan Kepala Dinas; tahapan dan waktu setiap "
                "permohonan dipantau dalam SimBG Kementerian PU."
            ),
            staffing="2 petugas loket SimBG di MPP, 4 verifikator administrasi, 7 anggota Tim Penilai Teknis dan 5 Tim Profesi Ahli.",
            guarantee=_local_guarantee("DPUPR-PKP Kota Probolinggo"),
            security="Pemeriksaan lapangan dilakukan dengan alat pelindung diri dan surat tugas resmi.",
            complaints=_complaints("", "dpupr@probolinggokota.go.id"),
        ),
    },
    {
        "slug": "dishub",
        "name": "Dinas Perhubungan Kota Probolinggo",
        "short_name": "Dishub",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Perhubungan Kota Probolinggo",
        "description": (
            "Melayani pengujian berkala kendaraan bermotor (uji KIR), rekomendasi dan persetujuan analisis "
            "dampak lalu lintas, izin insidentil angkutan serta penataan tempat parkir di Kota Probolinggo."
        ),
        "address": f"{MPP_BUILDING}, Lantai 2; kantor induk Jl. Raya Bromo No. 1, Kota Probolinggo",
        "phone": "(0335) 422830",
        "email": "dishub@probolinggokota.go.id",
        "opening_notes": (
            f"Loket Dishub di MPP menerima pendaftaran {MPP_HOURS}. Pengujian fisik kendaraan dilakukan di "
            "UPT Pengujian Kendaraan Bermotor sesuai jadwal pada bukti pendaftaran."
        ),
        "counters": ["Loket Perhubungan"],
        "defaults": _defaults(
            facilities=(
                "Pendaftaran uji berkala terhubung dengan sistem BLUe (Bukti Lulus Uji Elektronik) "
                "Kementerian Perhubungan; UPT pengujian memiliki alat uji emisi, rem, lampu dan kincup roda."
            ),
            competence=(
                "Penguji kendaraan bermotor bersertifikat kompetensi dari Kementerian Perhubungan; analis "
                "lalu lintas memahami PP 30/2021 tentang Penyelenggaraan Bidang Lalu Lintas dan Angkutan Jalan."
            ),
            supervision="Pengawasan oleh Kepala Bidang Lalu Lintas dan Angkutan serta Kepala UPT Pengujian Kendaraan Bermotor.",
            staffing="1 petugas loket di MPP, 6 penguji kendaraan bermotor, 3 analis lalu lintas.",
            guarantee=_local_guarantee("Dishub Kota Probolinggo"),
            security="Area pengujian kendaraan dilengkapi rambu keselamatan dan pembatas bagi pengunjung.",
            complaints=_complaints("", "dishub@probolinggokota.go.id"),
        ),
    },
    {
        "slug": "dlh",
        "name": "Dinas Lingkungan Hidup Kota Probolinggo",
        "short_name": "DLH",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Lingkungan Hidup Kota Probolinggo",
        "description": (
            "Melayani persetujuan lingkungan (SPPL dan UKL-UPL) melalui Amdalnet, persetujuan teknis air "
            "limbah, rincian teknis penyimpanan limbah B3 dan pelayanan pengangkutan sampah."
        ),
        "address": f"{MPP_BUILDING}, Lantai 2; kantor induk Jl. Anggrek No. 2, Kota Probolinggo",
        "phone": "(0335) 423576",
        "email": "dlh@probolinggokota.go.id",
        "opening_notes": (
            f"Meja layanan DLH di MPP melayani konsultasi dokumen lingkungan {MPP_HOURS}. Rapat pemeriksaan "
            "UKL-UPL dijadwalkan setelah berkas dinyatakan lengkap di Amdalnet."
        ),
        "counters": ["Loket Lingkungan Hidup"],
        "defaults": _defaults(
            facilities="Meja layanan dilengkapi akses Amdalnet dan peta kawasan sensitif lingkungan Kota Probolinggo.",
            competence=(
                "Petugas berpendidikan teknik lingkungan atau ilmu lingkungan, memahami PP 22/2021 tentang "
                "Penyelenggaraan Perlindungan dan Pengelolaan Lingkungan Hidup; pemeriksa UKL-UPL "
                "bersertifikat pelatihan dari KLH/BPLH."
            ),
            supervision="Pengawasan oleh Kepala Bidang Tata Lingkungan serta Kepala Bidang Pengendalian Pencemaran.",
            staffing="1 petugas meja layanan di MPP, 4 pemeriksa dokumen lingkungan, 2 petugas pengawas lapangan.",
            guarantee=_local_guarantee("DLH Kota Probolinggo"),
            complaints=_complaints(
                "Pengaduan pencemaran lingkungan juga diterima melalui Pos Pengaduan DLH. ",
                "dlh@probolinggokota.go.id",
            ),
        ),
    },
    {
        "slug": "dkup",
        "name": "Dinas Koperasi, Usaha Kecil Menengah dan Perdagangan Kota Probolinggo",
        "short_name": "DKUP",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Koperasi, Usaha Kecil Menengah dan Perdagangan Kota Probolinggo",
        "description": (
            "Mendampingi koperasi dan usaha mikro, memfasilitasi pendaftaran merek, melayani tera dan tera "
            "ulang alat ukur, takar, timbang serta penempatan pedagang di pasar rakyat milik Pemerintah Kota."
        ),
        "address": f"{MPP_BUILDING}, Lantai 2; kantor induk Jl. Suroyo No. 17, Kota Probolinggo",
        "phone": "(0335) 421630",
        "email": "dkup@probolinggokota.go.id",
        "opening_notes": (
            f"Loket DKUP di MPP buka {MPP_HOURS}. Tera ulang timbangan pasar juga dilayani dalam sidang "
            "tera di pasar sesuai jadwal UPT Metrologi Legal."
        ),
        "counters": ["Loket Koperasi dan UMKM"],
        "defaults": _defaults(
            facilities="Meja layanan dilengkapi katalog produk UMKM Kota Probolinggo dan komputer pendampingan pendaftaran merek daring.",
            competence=(
                "Pendamping koperasi dan UMKM bersertifikat pelatihan Kementerian Koperasi; penera "
                "bersertifikat kompetensi dari Direktorat Metrologi Kementerian Perdagangan."
            ),
            supervision="Pengawasan oleh Kepala Bidang Koperasi dan UKM, Kepala Bidang Perdagangan serta Kepala UPT Metrologi Legal.",
            staffing="1 petugas loket di MPP, 3 pendamping koperasi dan UMKM, 4 penera.",
            guarantee=_local_guarantee("DKUP Kota Probolinggo"),
            complaints=_complaints("", "dkup@probolinggokota.go.id"),
        ),
    },
    {
        "slug": "disnaker",
        "name": "Dinas Tenaga Kerja Kota Probolinggo",
        "short_name": "Disnaker",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Tenaga Kerja Kota Probolinggo",
        "description": (
            "Melayani kartu tanda pencari kerja (AK/1), wajib lapor ketenagakerjaan, pengesahan peraturan "
            "perusahaan, pendaftaran perjanjian kerja bersama, pencatatan serikat pekerja, mediasi "
            "perselisihan hubungan industrial dan rekomendasi bagi calon pekerja migran."
        ),
        "address": f"{MPP_BUILDING}, Lantai 2; kantor induk Jl. Slamet Riyadi No. 20, Kanigaran, Kota Probolinggo",
        "phone": "(0335) 421792",
        "email": "disnaker@probolinggokota.go.id",
        "opening_notes": (
            f"Loket Disnaker di MPP melayani {MPP_HOURS}. Sidang mediasi perselisihan hubungan industrial "
            "dilaksanakan di kantor induk sesuai surat panggilan mediator."
        ),
        "counters": ["Loket Ketenagakerjaan"],
        "defaults": _defaults(
            facilities="Loket dilengkapi papan informasi lowongan kerja dan akses SIAPkerja Kementerian Ketenagakerjaan.",
            competence=(
                "Pengantar kerja dan mediator hubungan industrial bersertifikat dari Kementerian "
                "Ketenagakerjaan; petugas memahami UU 13/2003 sebagaimana diubah UU 6/2023."
            ),
            supervision="Pengawasan oleh Kepala Bidang Penempatan Tenaga Kerja dan Kepala Bidang Hubungan Industrial.",
            staffing="2 petugas loket di MPP, 2 pengantar kerja, 2 mediator hubungan industrial.",
            guarantee=_local_guarantee("Disnaker Kota Probolinggo"),
            complaints=_complaints("", "disnaker@probolinggokota.go.id"),
        ),
    },
    {
        "slug": "bakesbangpol",
        "name": "Badan Kesatuan Bangsa dan Politik Kota Probolinggo",
        "short_name": "Bakesbangpol",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Badan Kesatuan Bangsa dan Politik Kota Probolinggo",
        "description": (
            "Melayani pendaftaran dan pelaporan keberadaan organisasi kemasyarakatan melalui aplikasi "
            "A_ormas serta penerbitan surat keterangan penelitian bagi peneliti dan mahasiswa."
        ),
        "address": f"{MPP_BUILDING}, Lantai 2; kantor induk Jl. Panglima Sudirman No. 19, Kota Probolinggo",
        "phone": "(0335) 421534",
        "email": "bakesbangpol@probolinggokota.go.id",
        "opening_notes": f"Meja layanan Bakesbangpol di MPP buka {MPP_HOURS}; pendaftaran ormas dapat diajukan daring melalui A_ormas.",
        "counters": ["Loket Kesbangpol"],
        "defaults": _defaults(
            facilities="Meja layanan terhubung dengan aplikasi A_ormas dan basis data publik organisasi kemasyarakatan Kota Probolinggo.",
            competence="Petugas memahami UU 17/2013 tentang Organisasi Kemasyarakatan beserta perubahannya dan Permendagri 57/2017.",
            supervision="Pengawasan oleh Kepala Bidang Ideologi, Wawasan Kebangsaan dan Ormas serta Sekretaris Badan.",
            staffing="1 petugas meja layanan di MPP dan 3 verifikator di kantor induk.",
            guarantee=_local_guarantee("Bakesbangpol Kota Probolinggo"),
            complaints=_complaints("", "bakesbangpol@probolinggokota.go.id"),
        ),
    },
    {
        "slug": "bppkad",
        "name": "Badan Pendapatan, Pengelolaan Keuangan dan Aset Daerah Kota Probolinggo",
        "short_name": "BPPKAD",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Badan Pendapatan, Pengelolaan Keuangan dan Aset Daerah Kota Probolinggo",
        "description": (
            "Melayani pajak daerah: pendaftaran dan mutasi objek PBB-P2, salinan dan pembetulan SPPT, "
            "pengurangan PBB-P2, validasi BPHTB, pendaftaran wajib pajak daerah dan surat keterangan bebas "
            "tunggakan pajak daerah."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor induk Jl. Panglima Sudirman No. 19, Kota Probolinggo",
        "phone": "(0335) 428770",
        "email": "bppkad@probolinggokota.go.id",
        "opening_notes": (
            f"Loket pajak daerah di MPP melayani {MPP_HOURS}. Pembayaran PBB-P2 dan BPHTB dilakukan melalui "
            "Bank Jatim, kanal pembayaran daring atau QRIS yang tercantum pada kode bayar."
        ),
        "counters": ["Loket PBB-P2", "Loket BPHTB dan Pajak Daerah"],
        "defaults": _defaults(
            facilities="Loket terhubung dengan SISMIOP PBB-P2, aplikasi e-BPHTB dan peta zona nilai tanah Kota Probolinggo.",
            competence=(
                "Petugas memahami UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan "
                "Pemerintahan Daerah serta PP 35/2023; penilai PBB bersertifikat pelatihan penilaian properti."
            ),
            supervision="Pengawasan oleh Kepala Bidang Pendapatan dan audit berkala Inspektorat serta BPK Perwakilan Jawa Timur.",
            staffing="4 petugas loket di MPP, 3 penilai PBB-P2, 2 verifikator BPHTB.",
            guarantee=_local_guarantee("BPPKAD Kota Probolinggo"),
            security="Pembayaran pajak hanya melalui bank dan kanal resmi; petugas loket tidak menerima uang tunai.",
            complaints=_complaints("", "bppkad@probolinggokota.go.id"),
        ),
    },
    {
        "slug": "dinsos-p3a",
        "name": "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kota Probolinggo",
        "short_name": "Dinsos P3A",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kota Probolinggo",
        "description": (
            "Melayani pengusulan dan pemutakhiran Data Tunggal Sosial Ekonomi Nasional, usulan peserta PBI "
            "Jaminan Kesehatan, tanda daftar lembaga kesejahteraan sosial, izin pengumpulan uang atau "
            "barang, serta pengaduan dan pendampingan korban kekerasan terhadap perempuan dan anak."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor induk Jl. Mastrip No. 2, Kota Probolinggo",
        "phone": "(0335) 422356",
        "email": "dinsosp3a@probolinggokota.go.id",
        "opening_notes": (
            f"Meja layanan Dinsos P3A di MPP buka {MPP_HOURS}. Pengaduan kekerasan terhadap perempuan dan "
            "anak dilayani di ruang konseling tertutup; dalam keadaan darurat hubungi SAPA 129."
        ),
        "counters": ["Loket Sosial", "Ruang Konseling PPA"],
        "defaults": _defaults(
            facilities="Tersedia ruang konseling tertutup yang ramah anak untuk layanan perlindungan perempuan dan anak.",
            competence=(
                "Petugas terdiri dari pekerja sosial profesional, pendamping sosial dan konselor UPTD PPA; "
                "operator memahami aplikasi SIKS-NG dan pemutakhiran DTSEN."
            ),
            supervision="Pengawasan oleh Kepala Bidang Perlindungan dan Jaminan Sosial serta Kepala UPTD PPA.",
            staffing="2 petugas meja layanan di MPP, 2 pekerja sosial, 2 konselor UPTD PPA.",
            guarantee=_local_guarantee("Dinsos P3A Kota Probolinggo"),
            security="Identitas korban kekerasan dan dokumen pendampingan dijaga kerahasiaannya dan hanya dapat diakses konselor.",
            complaints=_complaints("", "dinsosp3a@probolinggokota.go.id"),
        ),
    },
    {
        "slug": "dindikbud",
        "name": "Dinas Pendidikan dan Kebudayaan Kota Probolinggo",
        "short_name": "Dindikbud",
        "kind": "perangkat_daerah",
        "head_position": "Kepala Dinas Pendidikan dan Kebudayaan Kota Probolinggo",
        "description": (
            "Melayani legalisasi ijazah SD dan SMP, surat keterangan pengganti ijazah, rekomendasi pindah "
            "sekolah dan pendaftaran organisasi kesenian di Kota Probolinggo."
        ),
        "address": f"{MPP_BUILDING}, Lantai 2; kantor induk Jl. Mastrip No. 43, Kota Probolinggo",
        "phone": "(0335) 421340",
        "email": "dindikbud@probolinggokota.go.id",
        "opening_notes": f"Meja layanan Dindikbud di MPP buka {MPP_HOURS}. Legalisasi ijazah dapat ditunggu bila berkas lengkap.",
        "counters": ["Loket Pendidikan"],
        "defaults": _defaults(
            facilities="Meja layanan terhubung dengan Dapodik dan arsip blangko ijazah yang diterbitkan sekolah di Kota Probolinggo.",
            competence="Petugas memahami Permendikbud 29/2014 tentang pengesahan fotokopi ijazah dan penerbitan surat keterangan pengganti.",
            supervision="Pengawasan oleh Kepala Bidang Pembinaan SD, Kepala Bidang Pembinaan SMP dan Kepala Bidang Kebudayaan.",
            staffing="1 petugas meja layanan di MPP, 2 verifikator arsip ijazah.",
            guarantee=_local_guarantee("Dindikbud Kota Probolinggo"),
            complaints=_complaints("", "dindikbud@probolinggokota.go.id"),
        ),
    },
    # ------------------------------------------------------------------ instansi vertikal (7)
    {
        "slug": "kpp-pratama",
        "name": "Kantor Pelayanan Pajak Pratama Probolinggo",
        "short_name": "KPP Pratama Probolinggo",
        "kind": "instansi_vertikal",
        "head_position": "Kepala Kantor Pelayanan Pajak Pratama Probolinggo",
        "description": (
            "Unit Direktorat Jenderal Pajak yang melayani pendaftaran NPWP dan aktivasi akun Coretax, "
            "asistensi SPT Tahunan, surat keterangan fiskal dan surat keterangan bebas PPh pengalihan hak "
            "atas tanah dan bangunan."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor induk Jl. Suroyo No. 24, Kota Probolinggo",
        "phone": "(0335) 421092",
        "email": "pengaduan@pajak.go.id",
        "opening_notes": (
            f"Pojok pajak KPP Pratama di MPP melayani {MPP_HOURS}. Pada masa pelaporan SPT Tahunan "
            "(Januari–Maret) tersedia tambahan petugas asistensi."
        ),
        "counters": ["Loket Pajak Pusat"],
        "defaults": _defaults(
            facilities="Pojok pajak dilengkapi komputer asistensi Coretax DJP dan materi edukasi perpajakan UMKM.",
            competence="Petugas adalah pegawai DJP yang telah mengikuti pelatihan layanan Coretax dan pelayanan prima.",
            supervision="Pengawasan oleh Kepala Seksi Pelayanan KPP Pratama Probolinggo dan Kepatuhan Internal DJP.",
            staffing="2 petugas pojok pajak di MPP, didukung seksi pelayanan di kantor induk.",
            guarantee=(
                "Seluruh layanan perpajakan tidak dipungut biaya. Pegawai DJP terikat kode etik dan dilarang "
                "menerima imbalan dalam bentuk apa pun."
            ),
            security="Data wajib pajak dilindungi kerahasiaannya sesuai Pasal 34 UU KUP.",
            complaints=_complaints(
                "Pengaduan juga dapat disampaikan ke Kring Pajak 1500200 atau pengaduan.pajak.go.id. ",
                "pengaduan@pajak.go.id",
            ),
        ),
    },
    {
        "slug": "bea-cukai",
        "name": "Kantor Pengawasan dan Pelayanan Bea dan Cukai Tipe Madya Pabean C Probolinggo",
        "short_name": "Bea Cukai Probolinggo",
        "kind": "instansi_vertikal",
        "head_position": "Kepala KPPBC TMP C Probolinggo",
        "description": (
            "Melayani perizinan cukai (NPPBKC), pemesanan pita cukai hasil tembakau, asistensi ekspor "
            "UMKM melalui Klinik Ekspor serta informasi kepabeanan barang kiriman dan barang bawaan."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor induk Jl. Tanjung Tembaga No. 1, Mayangan, Kota Probolinggo",
        "phone": "(0335) 422091",
        "email": "bcprobolinggo@customs.go.id",
        "opening_notes": f"Meja layanan Bea Cukai di MPP buka {MPP_HOURS}; konsultasi ekspor dapat dijadwalkan melalui WhatsApp layanan.",
        "counters": ["Loket Bea Cukai"],
        "defaults": _defaults(
            facilities="Meja layanan dilengkapi akses portal CEISA dan materi Klinik Ekspor.",
            competence="Petugas adalah pegawai DJBC yang memahami UU Cukai dan UU Kepabeanan beserta perubahannya serta aplikasi CEISA.",
            supervision="Pengawasan oleh Kepala Seksi Perbendaharaan dan Kepala Seksi Penyuluhan dan Layanan Informasi; kepatuhan internal oleh Unit Kepatuhan Internal.",
            staffing="1 petugas meja layanan di MPP, didukung Seksi Perizinan dan Fasilitas di kantor induk.",
            guarantee="Layanan bea dan cukai tidak dipungut biaya; pegawai DJBC dilarang menerima gratifikasi.",
            complaints=_complaints(
                "Pengaduan juga diterima Bravo Bea Cukai 1500225. ",
                "bcprobolinggo@customs.go.id",
            ),
        ),
    },
    {
        "slug": "imigrasi",
        "name": "Unit Kerja Keimigrasian Kota Probolinggo, Kantor Imigrasi Kelas I TPI Malang",
        "short_name": "UKK Imigrasi Probolinggo",
        "kind": "instansi_vertikal",
        "head_position": "Kepala Kantor Imigrasi Kelas I TPI Malang",
        "description": (
            "Unit kerja Kantor Imigrasi Kelas I TPI Malang yang melayani permohonan paspor biasa dan paspor "
            "elektronik bagi warga Kota dan Kabupaten Probolinggo: wawancara, perekaman biometrik, "
            "penggantian paspor hilang atau rusak."
        ),
        "address": f"{MPP_BUILDING}, Lantai 2, {MPP_ADDRESS}",
        "phone": "(0341) 491039",
        "email": "kanim.malang@imigrasi.go.id",
        "opening_notes": (
            f"Layanan paspor di MPP buka {MPP_HOURS} dengan kuota sekitar 50 pemohon per hari. Antrean "
            "diambil melalui aplikasi M-Paspor; lansia, penyandang disabilitas, ibu hamil dan anak di bawah "
            "2 tahun dapat dilayani tanpa antrean daring."
        ),
        "counters": ["Loket Paspor 1", "Loket Paspor 2", "Ruang Wawancara dan Foto"],
        "defaults": _defaults(
            facilities="Tersedia ruang foto dan perekaman biometrik, ruang wawancara, serta kursi khusus bagi pemohon lansia dan anak.",
            competence="Petugas adalah pejabat imigrasi yang telah mengikuti pelatihan teknis dokumen perjalanan dan deteksi pemalsuan dokumen.",
            supervision="Pengawasan oleh Kepala Seksi Lalu Lintas Keimigrasian Kantor Imigrasi Kelas I TPI Malang dan Unit Kepatuhan Internal.",
            staffing="4 petugas di UKK Kota Probolinggo: 1 petugas verifikasi berkas, 1 petugas foto dan biometrik, 2 pewawancara.",
            guarantee=(
                "Biaya paspor hanya PNBP resmi yang dibayar melalui bank atau kanal pembayaran SIMPONI; tidak ada "
                "biaya lain. Paspor yang tidak selesai tepat waktu karena kendala sistem diinformasikan melalui "
                "M-Paspor dan dapat diambil tanpa antrean."
            ),
            security="Paspor hanya diserahkan kepada pemohon atau kuasa yang sah dengan bukti pengambilan.",
            complaints=_complaints(
                "Pengaduan juga diterima melalui layanan pengaduan Direktorat Jenderal Imigrasi di www.imigrasi.go.id. ",
                "kanim.malang@imigrasi.go.id",
            ),
        ),
    },
    {
        "slug": "polres",
        "name": "Kepolisian Resor Probolinggo Kota",
        "short_name": "Polres Probolinggo Kota",
        "kind": "instansi_vertikal",
        "head_position": "Kepala Kepolisian Resor Probolinggo Kota",
        "description": (
            "Melayani penerbitan Surat Keterangan Catatan Kepolisian (SKCK), perpanjangan SIM A dan SIM C, "
            "surat keterangan tanda lapor kehilangan dan izin keramaian di gerai Polres pada MPP."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; markas Jl. Panglima Sudirman No. 1, Kota Probolinggo",
        "phone": "(0335) 421110",
        "email": "polresprobolinggokota@polri.go.id",
        "opening_notes": (
            f"Gerai Polres di MPP melayani {MPP_HOURS}. Pendaftaran SKCK dapat dilakukan lebih dulu melalui "
            "aplikasi Polri Presisi; pengambilan sidik jari dilakukan di gerai."
        ),
        "counters": ["Loket SKCK", "Loket SIM"],
        "defaults": _defaults(
            facilities="Gerai dilengkapi alat pengambilan sidik jari elektronik (INAFIS), kamera foto dan printer SKCK.",
            competence="Petugas adalah anggota Polri dari Satuan Intelkam dan Satuan Lalu Lintas yang terlatih pelayanan publik.",
            supervision="Pengawasan oleh Kasat Intelkam, Kasat Lantas dan Seksi Propam Polres Probolinggo Kota.",
            staffing="3 petugas gerai SKCK dan 2 petugas gerai SIM.",
            guarantee=(
                "PNBP dibayar sesuai PP 76/2020 melalui bank atau kanal pembayaran resmi dengan bukti setor; "
                "tidak ada biaya lain. Pelanggaran petugas dapat dilaporkan kepada Propam."
            ),
            security="Data sidik jari dan catatan kepolisian hanya diakses oleh petugas yang berwenang.",
            complaints=_complaints(
                "Pengaduan juga dapat disampaikan melalui Propam Presisi atau call center Polri 110. ",
                "polresprobolinggokota@polri.go.id",
            ),
        ),
    },
    {
        "slug": "kemenag",
        "name": "Kantor Kementerian Agama Kota Probolinggo",
        "short_name": "Kemenag",
        "kind": "instansi_vertikal",
        "head_position": "Kepala Kantor Kementerian Agama Kota Probolinggo",
        "description": (
            "Melayani konsultasi dan pendaftaran nikah, legalisasi dan duplikat buku nikah, pendampingan "
            "sertifikasi halal jalur pernyataan pelaku usaha, surat keterangan terdaftar majelis taklim dan "
            "rekomendasi pendirian rumah ibadat."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor induk Jl. Mastrip No. 275, Kota Probolinggo",
        "phone": "(0335) 421460",
        "email": "kotaprobolinggo@kemenag.go.id",
        "opening_notes": f"Meja layanan Kemenag di MPP buka {MPP_HOURS}; akad nikah dilaksanakan di KUA kecamatan sesuai jadwal.",
        "counters": ["Loket Kemenag"],
        "defaults": _defaults(
            facilities="Meja layanan terhubung dengan SIMKAH (Sistem Informasi Manajemen Nikah) dan SIHALAL BPJPH.",
            competence="Petugas adalah ASN Kementerian Agama dan penghulu; pendamping proses produk halal terdaftar di BPJPH.",
            supervision="Pengawasan oleh Kepala Seksi Bimbingan Masyarakat Islam dan Kepala Subbagian Tata Usaha.",
            staffing="1 petugas meja layanan di MPP, didukung 5 KUA kecamatan.",
            guarantee=(
                "Layanan diberikan sesuai standar pelayanan Kementerian Agama; nikah di KUA pada hari dan jam "
                "kerja tidak dipungut biaya."
            ),
            complaints=_complaints(
                "Pengaduan juga diterima melalui layanan pengaduan Kementerian Agama di pengaduan.kemenag.go.id. ",
                "kotaprobolinggo@kemenag.go.id",
            ),
        ),
    },
    {
        "slug": "bpjs-kesehatan",
        "name": "BPJS Kesehatan Kantor Cabang Pasuruan",
        "short_name": "BPJS Kesehatan",
        "kind": "instansi_vertikal",
        "head_position": "Kepala BPJS Kesehatan Kantor Cabang Pasuruan",
        "description": (
            "Melayani pendaftaran peserta Jaminan Kesehatan Nasional, perubahan data dan fasilitas kesehatan "
            "tingkat pertama, pendaftaran bayi baru lahir dan pengaktifan kembali kepesertaan."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor cabang Jl. Panglima Sudirman No. 2, Pasuruan",
        "phone": "(0343) 424165",
        "email": "kc-pasuruan@bpjs-kesehatan.go.id",
        "opening_notes": (
            f"Loket BPJS Kesehatan di MPP buka {MPP_HOURS}. Sebagian besar layanan juga dapat dilakukan "
            "melalui aplikasi Mobile JKN atau PANDAWA (WhatsApp 0811-8165-165)."
        ),
        "counters": ["Loket BPJS Kesehatan"],
        "defaults": _defaults(
            facilities="Loket dilengkapi komputer pendampingan Mobile JKN dan layanan antrean daring.",
            competence="Petugas adalah duta BPJS Kesehatan yang terlatih administrasi kepesertaan sesuai Peraturan BPJS Kesehatan.",
            supervision="Pengawasan oleh Kepala Bagian Kepesertaan dan Pelayanan Peserta Kantor Cabang Pasuruan.",
            staffing="1 petugas loket di MPP.",
            guarantee="Seluruh layanan administrasi kepesertaan tidak dipungut biaya; iuran hanya dibayar melalui kanal resmi.",
            complaints=_complaints(
                "Pengaduan juga diterima BPJS Kesehatan Care Center 165. ", "kc-pasuruan@bpjs-kesehatan.go.id"
            ),
        ),
    },
    {
        "slug": "bpjs-ketenagakerjaan",
        "name": "BPJS Ketenagakerjaan Kantor Cabang Pasuruan",
        "short_name": "BPJS Ketenagakerjaan",
        "kind": "instansi_vertikal",
        "head_position": "Kepala Kantor Cabang BPJS Ketenagakerjaan Pasuruan",
        "description": (
            "Melayani pendaftaran peserta penerima upah dan bukan penerima upah, klaim Jaminan Hari Tua, "
            "klaim Jaminan Kematian dan pengkinian data peserta."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor cabang Jl. Soekarno-Hatta No. 25, Pasuruan",
        "phone": "(0343) 426010",
        "email": "pasuruan@bpjsketenagakerjaan.go.id",
        "opening_notes": (
            f"Loket BPJS Ketenagakerjaan di MPP buka {MPP_HOURS}. Klaim JHT juga dapat diajukan melalui "
            "aplikasi JMO atau Lapak Asik."
        ),
        "counters": ["Loket BPJS Ketenagakerjaan"],
        "defaults": _defaults(
            facilities="Loket dilengkapi perangkat verifikasi biometrik wajah untuk klaim.",
            competence="Petugas customer service terlatih administrasi kepesertaan dan klaim program JKK, JKM, JHT, JP dan JKP.",
            supervision="Pengawasan oleh Kepala Bidang Pelayanan Kantor Cabang Pasuruan.",
            staffing="1 petugas loket di MPP.",
            guarantee="Pelayanan klaim tidak dipungut biaya dan tidak boleh dikuasakan kepada calo.",
            complaints=_complaints(
                "Pengaduan juga diterima layanan masyarakat 175. ", "pasuruan@bpjsketenagakerjaan.go.id"
            ),
        ),
    },
    # ------------------------------------------------------------------ BUMN / BUMD (3)
    {
        "slug": "perumdam-bayuangga",
        "name": "Perusahaan Umum Daerah Air Minum Bayuangga Kota Probolinggo",
        "short_name": "Perumdam Bayuangga",
        "kind": "bumn_bumd",
        "head_position": "Direktur Perumdam Air Minum Bayuangga Kota Probolinggo",
        "description": (
            "Badan usaha milik daerah penyedia air minum perpipaan di Kota Probolinggo. Melayani pasang baru, "
            "balik nama pelanggan, penyambungan kembali, pemindahan meter dan perbaikan kebocoran."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor pusat Jl. Hayam Wuruk No. 1, Kota Probolinggo",
        "phone": "(0335) 421527",
        "email": "pelayanan@pdambayuangga.co.id",
        "opening_notes": f"Loket Perumdam Bayuangga di MPP buka {MPP_HOURS}; gangguan air dapat dilaporkan 24 jam melalui call center.",
        "counters": ["Loket PDAM"],
        "defaults": _defaults(
            facilities="Loket terhubung dengan sistem informasi pelanggan dan peta jaringan pipa distribusi.",
            competence="Petugas hubungan langganan dan teknisi jaringan bersertifikat pelatihan PERPAMSI.",
            supervision="Pengawasan oleh Kepala Bagian Hubungan Langganan dan Satuan Pengawas Internal Perumdam.",
            staffing="1 petugas loket di MPP, 4 tim teknik pemasangan dan perbaikan.",
            guarantee=(
                "Biaya sesuai tarif yang ditetapkan Direksi dan disetujui Wali Kota; setiap pembayaran "
                "diberi bukti resmi."
            ),
            complaints=_complaints("", "pelayanan@pdambayuangga.co.id"),
        ),
    },
    {
        "slug": "bank-jatim",
        "name": "PT Bank Pembangunan Daerah Jawa Timur Tbk Kantor Cabang Probolinggo",
        "short_name": "Bank Jatim",
        "kind": "bumn_bumd",
        "head_position": "Pemimpin Cabang Bank Jatim Probolinggo",
        "description": (
            "Bank milik Pemerintah Provinsi Jawa Timur dan pemerintah kabupaten/kota. Di MPP melayani "
            "pembukaan rekening tabungan, aktivasi JConnect Mobile, pembayaran pajak daerah dan retribusi "
            "serta konsultasi Kredit Usaha Rakyat."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor cabang Jl. Suroyo No. 30, Kota Probolinggo",
        "phone": "(0335) 421840",
        "email": "probolinggo@bankjatim.co.id",
        "opening_notes": f"Kas dan customer service Bank Jatim di MPP melayani {MPP_HOURS}.",
        "counters": ["Teller Bank Jatim", "Customer Service Bank Jatim"],
        "defaults": _defaults(
            facilities="Tersedia teller, customer service dan mesin EDC/QRIS untuk pembayaran nontunai.",
            competence="Petugas bersertifikat sertifikasi profesi perbankan dan memahami prinsip mengenal nasabah.",
            supervision="Pengawasan oleh Pemimpin Cabang, Satuan Kerja Audit Intern dan Otoritas Jasa Keuangan.",
            staffing="1 teller dan 1 customer service di MPP.",
            guarantee="Simpanan dijamin LPS sesuai ketentuan; biaya administrasi sesuai ketentuan produk yang diumumkan.",
            security="Transaksi tunai dilakukan di teller dengan pengamanan CCTV dan brankas.",
            complaints=_complaints(
                "Pengaduan juga diterima Call Center Bank Jatim 14044. ", "probolinggo@bankjatim.co.id"
            ),
        ),
    },
    {
        "slug": "kantor-pos",
        "name": "PT Pos Indonesia (Persero) Kantor Cabang Probolinggo",
        "short_name": "Kantor Pos",
        "kind": "bumn_bumd",
        "head_position": "Kepala Kantor Cabang Pos Probolinggo",
        "description": (
            "Melayani pengiriman surat dan paket, pengantaran dokumen hasil layanan MPP ke alamat pemohon, "
            "pembayaran tagihan dan penyaluran bantuan sosial."
        ),
        "address": f"{MPP_BUILDING}, Lantai 1; kantor cabang Jl. Suroyo No. 33, Kota Probolinggo",
        "phone": "(0335) 421103",
        "email": "halopos@posindonesia.co.id",
        "opening_notes": f"Loket Pos di MPP buka {MPP_HOURS}; kiriman yang diterima setelah pukul 12.00 diberangkatkan hari kerja berikutnya.",
        "counters": ["Loket Pos"],
        "defaults": _defaults(
            facilities="Loket dilengkapi timbangan, alat kemas dokumen dan pelacakan kiriman daring.",
            competence="Petugas loket terlatih layanan kurir, logistik dan keuangan Pos Indonesia.",
            supervision="Pengawasan oleh Manajer Layanan Kantor Cabang Pos Probolinggo.",
            staffing="1 petugas loket di MPP dan kurir kantor cabang.",
            guarantee="Tarif sesuai ketentuan Pos Indonesia; kiriman tercatat dapat dilacak dan diganti rugi sesuai ketentuan bila hilang.",
            complaints=_complaints(
                "Pengaduan juga diterima Halo Pos 1500161. ", "halopos@posindonesia.co.id"
            ),
        ),
    },
]
